import { createTransport, type Transporter } from 'nodemailer';
import type { ClaimedNotification } from '../outbox.repository';
import type { MailAttachments } from './mail-attachments';
import { DeliveryError, type NotificationChannel } from './notification-channel';

export interface EmailChannelOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465` (SMTP_URL). */
  smtpUrl: string;
  /** The sender (NOTIFY_FROM). */
  from: string;
}

/**
 * SMTP connections kept open: a storm's mails (one per recipient) go out a few at a time
 * each. A mail is five round trips with the server, each waiting its turn on a busy event
 * loop, so more connections is more mails a second; 32 for the worker's 64 in flight.
 */
const POOL_CONNECTIONS = 32;

/**
 * E-mail through an SMTP server with nodemailer's pool: a storm is a few hundred mails at
 * once, and a connection (greeting, EHLO, maybe TLS and login) per mail made them queue.
 * A connection the server dropped is replaced for the next message; a message caught on
 * it fails and the outbox retries it.
 */
export class EmailChannel implements NotificationChannel {
  readonly kind = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    private readonly options: EmailChannelOptions,
    /** Files a mail references (a scheduled report's PDF); none when unset. */
    private readonly attachments?: MailAttachments,
  ) {
    this.transport = createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: POOL_CONNECTIONS,
      // Well under the outbox lease, so a stuck server is a retry, not a second sender.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(notification: ClaimedNotification): Promise<void> {
    try {
      const attachments = (await this.attachments?.of(notification)) ?? [];
      await this.transport.sendMail({
        from: this.options.from,
        to: notification.address,
        subject: notification.subject,
        text: notification.body_text,
        html: notification.body_html ?? undefined,
        headers: { 'X-Fleet-Notification': notification.idempotency_key },
        attachments,
      });
    } catch (error) {
      throw asDeliveryError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** An SMTP 5xx answer is final (no such mailbox, refused); 4xx and network errors pass. */
function asDeliveryError(error: unknown): DeliveryError {
  const { message, responseCode } = error as { message?: string; responseCode?: number };
  const permanent = typeof responseCode === 'number' && responseCode >= 500;
  return new DeliveryError(`smtp: ${message ?? String(error)}`, permanent);
}
