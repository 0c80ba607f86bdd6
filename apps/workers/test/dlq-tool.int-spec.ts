import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  QueueDirectory,
  createSqsClient,
  ensureQueues,
  moveToDeadLetter,
  type SqsClient,
} from '@bbws/platform-sqs';
import { startLocalSqs, type LocalSqs } from './local-sqs.server';
import { QueueProbe, eventually } from '@bbws/testing-engines';

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../../tools/scripts/dlq.mjs');

jest.setTimeout(30_000);

describe('npm run dlq -- list | show | redrive', () => {
  let engine: LocalSqs;
  let sqs: SqsClient;
  let probe: QueueProbe;
  let queues: QueueDirectory;

  const dlq = (...args: string[]) =>
    run(process.execPath, [SCRIPT, ...args], {
      env: { ...process.env, BBWS_STAGE: 'test', SQS_ENDPOINT: engine.endpoint },
    }).then(({ stdout }) => stdout);
  const depth = async (key: 'tenant-events' | 'instance-dlq' | 'instance-provision') =>
    probe.depth(await queues.url(key));

  beforeAll(async () => {
    engine = await startLocalSqs();
    sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
    await ensureQueues(sqs, 'test');
    queues = new QueueDirectory(sqs, 'test');
    probe = new QueueProbe(sqs);
    // One dead letter the redrive policy moved (5 receives on tenant-events), one moved straight away as malformed.
    const events = await queues.describe('tenant-events');
    await probe.sendRaw(
      events.url,
      JSON.stringify({ messageType: 'INSTANCE_ACTIVE', operationId: 'op-poison' }),
    );
    for (let receive = 0; receive < 5; receive += 1) {
      await eventually(
        async () => (await probe.receive(events.url, { visibilityTimeout: 0 })).length > 0 || undefined,
      );
    }
    const provision = await queues.describe('instance-provision');
    await probe.sendRaw(provision.url, 'not json');
    const [malformed] = await probe.receive(provision.url);
    await moveToDeadLetter(sqs, provision, malformed, 'MALFORMED_MESSAGE: The message body is not JSON');
    await eventually(async () => (await depth('instance-dlq')) === 2);
  });
  afterAll(async () => {
    sqs.destroy();
    await engine.stop();
  });

  it('lists the dead-letter queues with their counts and source queues', async () => {
    const out = await dlq('list');
    expect(out).toMatch(/DEAD-LETTER QUEUE\s+MESSAGES\s+IN FLIGHT\s+SOURCES/);
    expect(out).toMatch(/bbws-instance-dlq-test\s+2\s+0\s+.*bbws-tenant-events-test/);
    expect(out).toMatch(/bbws-wp-site-operations-dlq-test\s+0\s+0\s+bbws-wp-site-creation-test/);
  });

  it('shows the dead letters with their source and reason, and leaves them in the queue', async () => {
    const out = await dlq('show', 'instance-dlq');
    expect(out).toContain('source:    bbws-tenant-events-test');
    expect(out).toContain('reason:    exceeded its receives (redrive policy)');
    expect(out).toContain('type:      INSTANCE_ACTIVE   operation: op-poison');
    expect(out).toContain('source:    bbws-instance-provision-test');
    expect(out).toContain('reason:    MALFORMED_MESSAGE: The message body is not JSON');
    const onlyEvents = await dlq('show', 'tenant-events');
    expect(onlyEvents).toContain('op-poison');
    expect(onlyEvents).not.toContain('not json');
    expect(await depth('instance-dlq')).toBe(2);
  });

  it('redrives the dead letters of one work queue back to it, leaving the others', async () => {
    expect(await dlq('redrive', 'tenant-events')).toContain(
      'redrove 1 message(s) from bbws-instance-dlq-test',
    );
    await eventually(async () => (await depth('tenant-events')) === 1);
    expect(await depth('instance-dlq')).toBe(1);
    const [redriven] = await probe.receive(await queues.url('tenant-events'));
    expect(JSON.parse(redriven.Body!).operationId).toBe('op-poison');
    expect(await dlq('redrive', 'instance-dlq')).toContain('redrove 1 message(s)');
    await eventually(async () => (await depth('instance-provision')) === 1);
    expect(await depth('instance-dlq')).toBe(0);
  });

  it('explains its usage and refuses unknown queues', async () => {
    await expect(dlq('nope')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run dlq'),
    });
    await expect(dlq('show', 'no-such-queue')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no queue no-such-queue in stage test'),
    });
  });
});
