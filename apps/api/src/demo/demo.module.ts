import { Global, Module } from '@nestjs/common';
import { DeviceAuthModule } from '../auth/device/device-auth.module';
import { RiskModule } from '../risk/risk.module';
import { DemoFleetService } from './demo-fleet.service';

/** Global so /health can report the fleet's phase; imported only when DEMO_FLEET_SIZE > 0. */
@Global()
@Module({
  imports: [DeviceAuthModule, RiskModule],
  providers: [DemoFleetService],
  exports: [DemoFleetService],
})
export class DemoModule {}
