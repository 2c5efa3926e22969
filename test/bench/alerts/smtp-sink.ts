import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { listenOnFreePort } from '../../../apps/api/src/notifications/testing/smtp-test-server';

export interface AcceptedMail {
  /** Wall time (epoch ms) at which the server answered 250 to the message. */
  acceptedAt: number;
  to: string;
  subject: string;
  /** The outbox's idempotency key, from the X-Fleet-Notification header. */
  notificationKey: string;
}

export interface SmtpSink {
  url: string;
  mails: AcceptedMail[];
  /** Resolves once `count` mails have been accepted in all. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free port that notes when it accepted each message:
 * the time is taken when the data has arrived, before its headers are parsed (a separate
 * server would not share the platform's event loop; parsing only headers keeps it cheap).
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: AcceptedMail[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const acceptedAt = Date.now();
        callback();
        // Only the header block is parsed: the bench runs the platform in this process, and
        // parsing whole 1.6 MB storm mails took ~2 s of its event loop in the timed window.
        const raw = Buffer.concat(chunks);
        const headersEnd = raw.indexOf('\r\n\r\n');
        const headers = headersEnd < 0 ? raw : raw.subarray(0, headersEnd + 4);
        void simpleParser(headers).then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          mails.push({
            acceptedAt,
            to: to?.text ?? '',
            subject: mail.subject ?? '',
            notificationKey: String(mail.headers.get('x-fleet-notification') ?? ''),
          });
          for (const waiter of waiters.filter((w) => mails.length >= w.count)) waiter.resolve();
        });
      });
    },
  });
  return {
    ...(await listenOnFreePort(server)),
    mails,
    received: (count) =>
      mails.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}
