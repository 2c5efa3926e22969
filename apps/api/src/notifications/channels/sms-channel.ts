import type { ClaimedNotification } from '../outbox.repository';
import type { NotificationChannel } from './notification-channel';
import { deliverOverHttp } from './http-delivery';
import { smsRequest, type SmsGateway } from './sms-request';

/** SMS through an HTTP gateway; the text is the message's subject, which fits one SMS. */
export class SmsChannel implements NotificationChannel {
  readonly kind = 'sms' as const;

  constructor(
    private readonly gateway: SmsGateway,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(notification: ClaimedNotification): Promise<void> {
    const request = smsRequest(this.gateway, notification.address, notification.subject);
    const headers = { ...request.headers, 'Idempotency-Key': notification.idempotency_key };
    await deliverOverHttp(
      'sms gateway',
      request.url,
      { method: request.method, headers, body: request.body },
      this.timeoutMs,
    );
  }
}
