import { Global, Module } from '@nestjs/common';
import { WorkOrderEvents } from './work-order-events';

/** Global and without dependencies: the live gateway listens without pulling in dispatch. */
@Global()
@Module({ providers: [WorkOrderEvents], exports: [WorkOrderEvents] })
export class WorkOrderEventsModule {}
