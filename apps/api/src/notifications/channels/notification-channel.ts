import type { ClaimedNotification } from '../outbox.repository';
import type { NotificationChannelKind } from '../notification-tables';

/** One way of delivering: it resolves once the far side accepted the message. */
export interface NotificationChannel {
  readonly kind: NotificationChannelKind;
  send(notification: ClaimedNotification): Promise<void>;
  /**
   * Optional: delivers claimed rows and marks them sent, all or none (a channel that writes to
   * this database does both in one transaction). When it throws, the worker delivers the rows
   * one by one with `send`, so each gets its own retry or failure.
   */
  sendMany?(notifications: readonly ClaimedNotification[], now: Date): Promise<void>;
}

/**
 * A delivery that failed. `permanent`: trying again cannot help (a 4xx answer, a
 * rejected address); otherwise the worker retries with backoff.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The channels configured in this process, by kind. */
export const NOTIFICATION_CHANNELS_TOKEN = Symbol('NOTIFICATION_CHANNELS');
