import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { FleetRepository } from '../storage/repositories/fleet.repository';
import { FleetMapSnapshot } from './fleet-map-snapshot';
import { FleetController } from './fleet.controller';

@Module({
  imports: [LiveModule],
  controllers: [FleetController],
  providers: [FleetRepository, FleetMapSnapshot],
})
export class FleetModule {}
