#!/usr/bin/env node
// Dead-letter queues of a stage: `npm run dlq -- list | show <queue> | redrive <queue>`.
// <queue> is a DLQ (`instance-dlq`) or a work queue (`tenant-events`: only its dead letters), as a
// logical key or a full queue name. Environment: BBWS_STAGE (default local), SQS_ENDPOINT (default
// http://127.0.0.1:9324 in the local stage, AWS otherwise), AWS_REGION (default us-east-1).
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';

const REASON = 'bbws-dead-letter-reason';
const SOURCE = 'bbws-source-queue';
const USAGE = `usage: npm run dlq -- <command> [options]
  list                          dead-letter queues of the stage with their message counts and sources
  show <queue> [--max N]        print dead letters (default 20); they stay in the queue
  redrive <queue> [--max N]     send dead letters back to the queue they came from (default all)
<queue>: a DLQ (instance-dlq) or a work queue (tenant-events) by key or full name.
env: BBWS_STAGE (local), SQS_ENDPOINT, AWS_REGION`;

const stage = process.env.BBWS_STAGE ?? 'local';
const endpoint =
  process.env.SQS_ENDPOINT ?? (['local', 'test'].includes(stage) ? 'http://127.0.0.1:9324' : undefined);
const sqs = new SQSClient({
  region: process.env.AWS_REGION ?? 'us-east-1',
  ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});

function option(args, name, fallback) {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

const nameOf = (urlOrArn) => urlOrArn.split(/[/:]/).pop();

async function queueUrl(name) {
  try {
    return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch (error) {
    if (error.name === 'QueueDoesNotExist' || error.name === 'AWS.SimpleQueueService.NonExistentQueue')
      return undefined;
    throw error;
  }
}

async function attributes(url) {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
  );
  return Attributes;
}

/** The DLQ to read and, for a work queue, the source ARN its dead letters must come from. */
async function resolve(argument) {
  if (!argument) throw new Error(`a queue is needed\n${USAGE}`);
  for (const candidate of [argument, `bbws-${argument}-${stage}`, `bbws-wp-${argument}-${stage}`]) {
    const url = await queueUrl(candidate);
    if (!url) continue;
    const own = await attributes(url);
    if (!own.RedrivePolicy) return { dlqUrl: url, sourceArn: undefined };
    const { deadLetterTargetArn } = JSON.parse(own.RedrivePolicy);
    return { dlqUrl: await queueUrl(nameOf(deadLetterTargetArn)), sourceArn: own.QueueArn };
  }
  throw new Error(`no queue ${argument} in stage ${stage}`);
}

function sourceOf(message) {
  return message.Attributes?.DeadLetterQueueSourceArn ?? message.MessageAttributes?.[SOURCE]?.StringValue;
}

/** Receives up to `max` dead letters (hidden while we look at them); `keep` decides which are ours. */
async function receive(dlqUrl, max, keep) {
  const mine = [];
  const others = [];
  const seen = new Set();
  while (mine.length < max) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: Math.min(10, max - mine.length),
        VisibilityTimeout: 60,
        WaitTimeSeconds: 1,
        AttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const fresh = Messages.filter((message) => !seen.has(message.MessageId));
    if (fresh.length === 0) break;
    for (const message of fresh) {
      seen.add(message.MessageId);
      (keep(message) ? mine : others).push(message);
    }
  }
  return { mine, others };
}

async function makeVisible(url, messages) {
  for (let i = 0; i < messages.length; i += 10) {
    const batch = messages.slice(i, i + 10);
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: batch.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: 0,
        })),
      }),
    );
  }
}

function describe(message) {
  let body = message.Body ?? '';
  let envelope = {};
  try {
    envelope = JSON.parse(body);
    body = JSON.stringify(envelope, null, 2);
  } catch {
    // Not JSON: shown as is.
  }
  const sent = message.Attributes?.SentTimestamp
    ? new Date(Number(message.Attributes.SentTimestamp)).toISOString()
    : '?';
  return [
    `message ${message.MessageId}`,
    `  sent:      ${sent}   receives: ${message.Attributes?.ApproximateReceiveCount ?? '?'}`,
    `  source:    ${sourceOf(message) ? nameOf(sourceOf(message)) : 'unknown'}`,
    `  reason:    ${message.MessageAttributes?.[REASON]?.StringValue ?? 'exceeded its receives (redrive policy)'}`,
    `  type:      ${envelope.messageType ?? '?'}   operation: ${envelope.operationId ?? '-'}   tenant: ${envelope.tenantId ?? '-'}`,
    `  body:      ${body.length > 2000 ? `${body.slice(0, 2000)}…` : body}`.replace(/\n/g, '\n             '),
  ].join('\n');
}

async function list() {
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'bbws-' }));
  const dlqs = QueueUrls.filter((url) => nameOf(url).endsWith(`-dlq-${stage}`)).sort();
  if (dlqs.length === 0) {
    console.log(`no dead-letter queues in stage ${stage}`);
    return;
  }
  const rows = [['DEAD-LETTER QUEUE', 'MESSAGES', 'IN FLIGHT', 'SOURCES']];
  for (const url of dlqs) {
    const own = await attributes(url);
    const { queueUrls = [] } = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: url }));
    rows.push([
      nameOf(url),
      own.ApproximateNumberOfMessages ?? '0',
      own.ApproximateNumberOfMessagesNotVisible ?? '0',
      queueUrls.map(nameOf).sort().join(', '),
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
}

async function show(argument, max) {
  const { dlqUrl, sourceArn } = await resolve(argument);
  const { mine, others } = await receive(
    dlqUrl,
    max,
    (message) => !sourceArn || sourceOf(message) === sourceArn,
  );
  await makeVisible(dlqUrl, [...mine, ...others]);
  if (mine.length === 0)
    console.log(`no dead letters in ${nameOf(dlqUrl)}${sourceArn ? ` from ${nameOf(sourceArn)}` : ''}`);
  for (const message of mine) console.log(`${describe(message)}\n`);
}

async function redrive(argument, max) {
  const { dlqUrl, sourceArn } = await resolve(argument);
  const { mine, others } = await receive(
    dlqUrl,
    max,
    (message) => !sourceArn || sourceOf(message) === sourceArn,
  );
  const unknown = [];
  let moved = 0;
  for (const message of mine) {
    const source = sourceOf(message);
    const target = source ? await queueUrl(nameOf(source)) : undefined;
    if (!target) {
      unknown.push(message);
      continue;
    }
    const kept = Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).filter(([name]) => name !== REASON && name !== SOURCE),
    );
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: target,
        MessageBody: message.Body,
        ...(Object.keys(kept).length ? { MessageAttributes: kept } : {}),
      }),
    );
    await sqs.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: message.ReceiptHandle }));
    moved += 1;
  }
  await makeVisible(dlqUrl, [...unknown, ...others]);
  console.log(`redrove ${moved} message(s) from ${nameOf(dlqUrl)}`);
  if (unknown.length) console.log(`left ${unknown.length} message(s) whose source queue is unknown`);
  if (moved)
    console.log(
      'note: a message whose operation already FAILED is acknowledged without effect; start a new operation instead',
    );
}

async function main(argv) {
  const [command, queue, ...rest] = argv;
  switch (command) {
    case 'list':
      return list();
    case 'show':
      return show(queue, option(rest, '--max', 20));
    case 'redrive':
      return redrive(queue, option(rest, '--max', Number.MAX_SAFE_INTEGER));
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2))
  .catch((error) => {
    console.error(`dlq: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => sqs.destroy());
