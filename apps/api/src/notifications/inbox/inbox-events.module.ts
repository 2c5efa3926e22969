import { Global, Module } from '@nestjs/common';
import { InboxEvents } from './inbox-events';

/** Global and without dependencies: the live gateway listens without pulling in the outbox. */
@Global()
@Module({ providers: [InboxEvents], exports: [InboxEvents] })
export class InboxEventsModule {}
