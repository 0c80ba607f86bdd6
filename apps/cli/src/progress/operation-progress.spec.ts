import { PassThrough } from 'node:stream';
import type { BbwsClient, Operation } from '@bbws/sdk';
import { Output } from '../output/output';
import type { CliContext } from '../runtime/cli-context';
import { waitWithProgress } from './operation-progress';

type Step = Operation['steps'][number];

function operation(
  status: Operation['status'],
  progress: number,
  steps: Step[],
  extra: Partial<Operation> = {},
) {
  return {
    operationId: 'op-1',
    tenantId: 'tenant-1',
    type: 'TENANT_SUSPEND',
    status,
    resourceType: 'tenant',
    resourceId: 'tenant-1',
    progress,
    currentStep: steps.find((step) => step.status === 'IN_PROGRESS')?.name ?? null,
    steps,
    attempts: 1,
    createdBy: 'user-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    _links: {},
    ...extra,
  } as Operation;
}

const step = (name: string, status: Step['status']): Step => ({
  name,
  status,
  startedAt: null,
  completedAt: null,
});

/** The states an operation goes through, one per read. */
const RUN = [
  operation('PENDING', 0, [step('suspend-instances', 'PENDING'), step('mark-suspended', 'PENDING')]),
  operation('IN_PROGRESS', 50, [step('suspend-instances', 'IN_PROGRESS'), step('mark-suspended', 'PENDING')]),
  operation('IN_PROGRESS', 60, [
    step('suspend-instances', 'COMPLETED'),
    step('mark-suspended', 'IN_PROGRESS'),
  ]),
  operation('COMPLETED', 100, [step('suspend-instances', 'COMPLETED'), step('mark-suspended', 'COMPLETED')]),
];

/** A context whose client reads the operation's states in turn (what GET /operations/{id} would answer). */
function contextReading(states: Operation[], options: { tty: boolean; json?: boolean; quiet?: boolean }) {
  let read = 0;
  const client = {
    follow: async () => ({ data: states[Math.min(read++, states.length - 1)], response: new Response() }),
  } as unknown as BbwsClient;
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), options.tty ? { isTTY: true, columns: 100 } : {});
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io = { stdout, stderr, env: {} };
  const context: CliContext = {
    client,
    io,
    output: new Output(io, Boolean(options.json), Boolean(options.quiet)),
    api: 'http://127.0.0.1:1',
    authenticated: true,
  };
  return { context, stdout: () => out, stderr: () => err };
}

describe('waitWithProgress', () => {
  it('on a terminal: a bar with the current step, a ✓ line per finished step, then the final status', async () => {
    const { context, stdout, stderr } = contextReading(RUN, { tty: true });
    await expect(waitWithProgress(context, 'op-1', { interval: 1 })).resolves.toMatchObject({
      status: 'COMPLETED',
    });
    const text = stderr();
    expect(text).toContain('█');
    expect(text).toContain('IN_PROGRESS suspend-instances');
    expect(text).toContain(' ✓ suspend-instances\n');
    expect(text).toContain(' ✓ mark-suspended\n');
    expect(text.indexOf('✓ suspend-instances')).toBeLessThan(text.indexOf('✓ mark-suspended'));
    // The bar is cleared (cursor to column 1, clear down) and the final status takes its place.
    expect(text.endsWith('\u001b[0J✓ TENANT_SUSPEND op-1 COMPLETED\n')).toBe(true);
    expect(stdout()).toBe('');
  });

  it('on a terminal: a failed step and the error end it', async () => {
    const failed = operation(
      'FAILED',
      50,
      [step('suspend-instances', 'FAILED'), step('mark-suspended', 'PENDING')],
      {
        error: { code: 'INSTANCE_UNREACHABLE', message: 'no answer', retryable: true },
      },
    );
    const { context, stderr } = contextReading([RUN[1] as Operation, failed], { tty: true });
    await expect(waitWithProgress(context, 'op-1', { interval: 1 })).rejects.toMatchObject({
      name: 'OperationFailedError',
    });
    expect(stderr()).toContain(' ✗ suspend-instances\n');
    expect(
      stderr().endsWith('\u001b[0J✗ TENANT_SUSPEND op-1 FAILED: INSTANCE_UNREACHABLE: no answer\n'),
    ).toBe(true);
  });

  it('without a terminal: one line per change and no escape codes', async () => {
    const { context, stderr } = contextReading(RUN, { tty: false });
    await waitWithProgress(context, 'op-1', { interval: 1 });
    expect(stderr()).toBe(
      [
        'PENDING 0%',
        'IN_PROGRESS 50% suspend-instances',
        'IN_PROGRESS 60% mark-suspended',
        'COMPLETED 100%',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing with --json, and nothing off a terminal with --quiet', async () => {
    for (const options of [
      { tty: true, json: true },
      { tty: false, quiet: true },
    ]) {
      const { context, stdout, stderr } = contextReading(RUN, options);
      await waitWithProgress(context, 'op-1', { interval: 1 });
      expect([stdout(), stderr()]).toEqual(['', '']);
    }
  });
});
