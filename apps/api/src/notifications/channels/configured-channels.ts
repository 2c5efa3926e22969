import type { AppConfig } from '../../config/app-config';
import { EmailChannel } from './email-channel';
import type { MailAttachments } from './mail-attachments';
import type { NotificationChannel } from './notification-channel';
import { SmsChannel } from './sms-channel';
import { WebhookChannel } from './webhook-channel';

/**
 * The channels the configuration turns on: e-mail with SMTP_URL (its attachments read through
 * `attachments`), webhooks with their secret, SMS with a gateway.
 */
export function configuredChannels(config: AppConfig, attachments?: MailAttachments): NotificationChannel[] {
  const { smtpUrl, from, webhookSecret, sms } = config.notify;
  const channels: NotificationChannel[] = [];
  if (smtpUrl && from) channels.push(new EmailChannel({ smtpUrl, from }, attachments));
  if (webhookSecret) channels.push(new WebhookChannel(webhookSecret));
  if (sms) channels.push(new SmsChannel(sms));
  return channels;
}
