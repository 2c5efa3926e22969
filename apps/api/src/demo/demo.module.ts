import { Module } from '@nestjs/common';
import { DeviceAuthModule } from '../auth/device/device-auth.module';
import { DemoFleetService } from './demo-fleet.service';

@Module({ imports: [DeviceAuthModule], providers: [DemoFleetService] })
export class DemoModule {}
