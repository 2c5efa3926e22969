import type { ClaimedNotification } from '../outbox.repository';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Where a mail's attachments come from when it is sent: the outbox row holds only a reference. */
export interface MailAttachments {
  of(notification: ClaimedNotification): Promise<MailAttachment[]>;
}
