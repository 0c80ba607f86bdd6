import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { systemClock, type Clock } from '@bbws/shared-util';
import type { EmailMessage, EmailSender, SentEmail } from './email-sender.port';

export interface LocalEmailSettings {
  /** Where the `.eml` files go: `<dataDir>/mail`. */
  directory: string;
  from: string;
}

/**
 * The local stand-in for SES: every message becomes an RFC 822 `.eml` file (text + HTML parts),
 * named `<timestamp>-<sequence>-<id>.eml` so a directory listing is in sending order. Files are readable by the
 * owner only: they hold invitation links.
 */
export class LocalEmailSender implements EmailSender {
  private sequence = 0;

  constructor(
    private readonly settings: LocalEmailSettings,
    private readonly clock: Clock = systemClock,
  ) {}

  async send(message: EmailMessage): Promise<SentEmail> {
    const now = this.clock.now();
    const id = randomUUID();
    const messageId = `<${id}@bbws.local>`;
    const raw = await new MailComposer({
      from: this.settings.from,
      to: message.to,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      subject: message.subject,
      text: message.text,
      html: message.html,
      date: now,
      messageId,
    })
      .compile()
      .build();
    await mkdir(this.settings.directory, { recursive: true, mode: 0o700 });
    this.sequence += 1;
    const name = `${now.toISOString().replace(/[:.]/g, '-')}-${String(this.sequence).padStart(6, '0')}-${id}.eml`;
    const file = path.join(this.settings.directory, name);
    await writeFile(file, raw, { mode: 0o600 });
    return { messageId };
  }
}
