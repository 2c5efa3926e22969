import { DeliveryError, type NotificationChannel } from '../channels/notification-channel';
import type { NotificationChannelKind } from '../notification-tables';
import type { ClaimedNotification } from '../outbox.repository';

/**
 * A transport for outbox tests: records what it was asked to send and fails the
 * scripted number of times first. The outbox, claims and worker around it are real.
 */
export class RecordingChannel implements NotificationChannel {
  readonly sent: ClaimedNotification[] = [];
  private failuresLeft: number;
  private readonly permanent: boolean;

  constructor(
    readonly kind: NotificationChannelKind,
    options: { failFirst?: number; permanent?: boolean } = {},
  ) {
    this.failuresLeft = options.failFirst ?? 0;
    this.permanent = options.permanent ?? false;
  }

  async send(notification: ClaimedNotification): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new DeliveryError('scripted failure', this.permanent);
    }
    this.sent.push(notification);
  }
}
