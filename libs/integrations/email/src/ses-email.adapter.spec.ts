import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { UpstreamError } from '@bbws/shared-errors';
import { SesEmailSender } from './ses-email.adapter';

function recordingClient(answer: () => Promise<unknown>) {
  const sent: unknown[] = [];
  const client = new SESv2Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  client.send = ((command: unknown) => {
    sent.push(command);
    return answer();
  }) as SESv2Client['send'];
  return { client, sent };
}

describe('SesEmailSender', () => {
  const message = {
    to: 'bob@example.com',
    subject: 'Hi',
    text: 'plain body',
    html: '<p>html body</p>',
    replyTo: 'alice@example.com',
  };

  it('sends one SendEmailCommand with exactly the simple text + HTML content', async () => {
    const { client, sent } = recordingClient(async () => ({ MessageId: 'ses-123' }));
    const sender = new SesEmailSender(client, {
      from: 'BBWS <no-reply@bbws.example>',
      configurationSetName: 'transactional',
    });
    await expect(sender.send(message)).resolves.toEqual({ messageId: 'ses-123' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(SendEmailCommand);
    expect((sent[0] as SendEmailCommand).input).toEqual({
      FromEmailAddress: 'BBWS <no-reply@bbws.example>',
      Destination: { ToAddresses: ['bob@example.com'] },
      ReplyToAddresses: ['alice@example.com'],
      Content: {
        Simple: {
          Subject: { Data: 'Hi', Charset: 'UTF-8' },
          Body: {
            Text: { Data: 'plain body', Charset: 'UTF-8' },
            Html: { Data: '<p>html body</p>', Charset: 'UTF-8' },
          },
        },
      },
      ConfigurationSetName: 'transactional',
    });
  });

  it('leaves out the optional fields it was not given', async () => {
    const { client, sent } = recordingClient(async () => ({ MessageId: 'ses-9' }));
    await new SesEmailSender(client, { from: 'no-reply@bbws.example' }).send({
      ...message,
      replyTo: undefined,
    });
    const input = (sent[0] as SendEmailCommand).input;
    expect(input).not.toHaveProperty('ReplyToAddresses');
    expect(input).not.toHaveProperty('ConfigurationSetName');
  });

  it('turns SES failures into retryable or final upstream errors without the message text', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
    });
    const { client } = recordingClient(() => Promise.reject(throttled));
    const failure = await new SesEmailSender(client, { from: 'a@b.c' })
      .send(message)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect(failure).toMatchObject({ retryable: true, status: 502 });
    expect((failure as Error).message).not.toContain('plain body');

    const rejected = Object.assign(new Error('Email address is not verified'), {
      name: 'MessageRejected',
      $metadata: { httpStatusCode: 400 },
    });
    const { client: second } = recordingClient(() => Promise.reject(rejected));
    await expect(new SesEmailSender(second, { from: 'a@b.c' }).send(message)).rejects.toMatchObject({
      retryable: false,
    });
  });
});
