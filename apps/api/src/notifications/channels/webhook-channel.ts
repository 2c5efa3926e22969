import { createHmac } from 'node:crypto';
import type { ClaimedNotification } from '../outbox.repository';
import { deliverOverHttp } from './http-delivery';
import type { NotificationChannel } from './notification-channel';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'X-Fleet-Signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What the receiver gets: the message and the machine-readable payload it was made from. */
export interface WebhookBody {
  id: string;
  idempotencyKey: string;
  subject: string;
  text: string;
  payload: Record<string, unknown>;
}

/**
 * A JSON POST to the notification's address, signed with NOTIFY_WEBHOOK_SECRET. The
 * Idempotency-Key header is the same on every retry, so a receiver can drop repeats.
 * 2xx is delivered; 408, 429, 5xx and network errors are retried; other answers are final.
 */
export class WebhookChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;

  constructor(
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(notification: ClaimedNotification): Promise<void> {
    const body = JSON.stringify({
      id: notification.id,
      idempotencyKey: notification.idempotency_key,
      subject: notification.subject,
      text: notification.body_text,
      payload: notification.payload,
    } satisfies WebhookBody);
    await deliverOverHttp(
      'webhook',
      notification.address,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signBody(this.secret, body),
          'Idempotency-Key': notification.idempotency_key,
        },
        body,
      },
      this.timeoutMs,
    );
  }
}
