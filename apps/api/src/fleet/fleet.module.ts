import { Module } from '@nestjs/common';
import { FleetRepository } from '../storage/repositories/fleet.repository';
import { FleetController } from './fleet.controller';

@Module({ controllers: [FleetController], providers: [FleetRepository] })
export class FleetModule {}
