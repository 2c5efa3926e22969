import { Inject, Injectable } from '@nestjs/common';
import type { PushMessage } from '@fleet/telemetry/api/push';
import { NOTIFICATION_CLOCK, type Clock } from '../notification-options';
import { OutboxRepository } from '../outbox.repository';

/**
 * Puts a push for one user into the outbox (the `push` channel, SMS when that cannot reach
 * them). The key names the notice: enqueueing it again after a restart sends nothing new.
 */
@Injectable()
export class PushNotifier {
  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
  ) {}

  async notify(userId: string, message: PushMessage, idempotencyKey: string): Promise<string> {
    const { id } = await this.outbox.enqueue(
      {
        recipientUserId: userId,
        channel: 'push',
        address: userId,
        idempotencyKey,
        subject: message.title,
        bodyText: message.body,
        payload: { ...message },
      },
      new Date(this.clock.now()),
    );
    return id;
  }
}
