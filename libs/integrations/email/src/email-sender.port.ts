import { token } from '@bbws/shared-util';

/** One message to one recipient, with a plain-text and an HTML body. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
}

export interface SentEmail {
  messageId: string;
}

/** Sends transactional email (SES in AWS, `.eml` files under the data directory locally). */
export interface EmailSender {
  send(message: EmailMessage): Promise<SentEmail>;
}

/** Injection token for the configured {@link EmailSender} adapter. */
export const EMAIL_SENDER = token<EmailSender>('EmailSender');
