import { SendEmailCommand, type SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { UpstreamError } from '@bbws/shared-errors';
import type { EmailMessage, EmailSender, SentEmail } from './email-sender.port';

export interface SesEmailSettings {
  /** `"Name <address>"` or a bare address, verified in SES. */
  from: string;
  configurationSetName?: string;
}

/** Email through Amazon SES v2 (`SendEmail` with a simple content of text + HTML). */
export class SesEmailSender implements EmailSender {
  constructor(
    private readonly client: SESv2Client,
    private readonly settings: SesEmailSettings,
  ) {}

  async send(message: EmailMessage): Promise<SentEmail> {
    try {
      const { MessageId } = await this.client.send(new SendEmailCommand(sesRequest(message, this.settings)));
      return { messageId: MessageId ?? '' };
    } catch (error) {
      const failure = error as {
        name?: string;
        message?: string;
        $retryable?: unknown;
        $metadata?: { httpStatusCode?: number };
      };
      const status = failure.$metadata?.httpStatusCode;
      // The message text is not logged or echoed: it may carry an invitation link.
      throw new UpstreamError(`SES ${failure.name ?? 'SendEmail'} failed`, {
        upstreamStatus: status,
        retryable:
          Boolean(failure.$retryable) || failure.name === 'TooManyRequestsException' || (status ?? 0) >= 500,
      });
    }
  }
}

export function sesRequest(message: EmailMessage, settings: SesEmailSettings): SendEmailCommandInput {
  return {
    FromEmailAddress: settings.from,
    Destination: { ToAddresses: [message.to] },
    ...(message.replyTo ? { ReplyToAddresses: [message.replyTo] } : {}),
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: {
          Text: { Data: message.text, Charset: 'UTF-8' },
          Html: { Data: message.html, Charset: 'UTF-8' },
        },
      },
    },
    ...(settings.configurationSetName ? { ConfigurationSetName: settings.configurationSetName } : {}),
  };
}
