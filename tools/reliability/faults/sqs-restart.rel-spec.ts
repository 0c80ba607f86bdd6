import { recordReliability, reliabilityMode } from '../reliability-record';
import { compileApps, type CompiledApp } from './compiled-app';
import { WorkersPlatform } from './workers-platform';

const FULL = reliabilityMode() === 'full';
const RESTARTS = FULL ? 3 : 1;
const BEFORE_EACH = FULL ? 30 : 20;
const DURING_EACH = FULL ? 10 : 6;
const DOWN_MS = 2000;

/**
 * The SQS server restarted while tenant suspensions are queued, running and being launched. The
 * local server keeps messages in memory, so a restart loses what it held: the harshest case, which
 * the platform must survive on its own. The launcher stores each operation before sending its
 * message (an unsent one stays PENDING) and the sweeper sends again what is PENDING or whose worker
 * went quiet; the workers reconnect. No accepted operation may be lost: each completes, once.
 */
describe('fault: the SQS server restarted with operations in flight', () => {
  let platform: WorkersPlatform;
  let worker: CompiledApp | undefined;

  beforeAll(async () => {
    compileApps();
    platform = await WorkersPlatform.start();
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await platform?.stop();
  });

  it(`completes every accepted operation after ${RESTARTS} restart(s)`, async () => {
    worker = await platform.startWorkers();
    const tenantIds: string[] = [];
    const operationIds: string[] = [];
    const launch = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const tenantId = await platform.seedActiveTenant();
        const operation = await platform.launchSuspend(tenantId);
        tenantIds.push(tenantId);
        operationIds.push(operation.operationId);
      }
    };
    let unsentAtLaunch = 0;
    const inFlightAtRestart = new Set<string>();
    for (let restart = 0; restart < RESTARTS; restart += 1) {
      await launch(BEFORE_EACH);
      const before = await platform.statuses(operationIds);
      for (const o of before)
        if (o.status === 'PENDING' || o.status === 'IN_PROGRESS') inFlightAtRestart.add(o.operationId);
      await platform.restartSqs(DOWN_MS, async () => {
        const first = operationIds.length;
        await launch(DURING_EACH);
        const launched = await platform.statuses(operationIds.slice(first));
        unsentAtLaunch += launched.filter((o) => o.status === 'PENDING' && o.sentAt === null).length;
      });
    }

    const final = await waitFor(async () => {
      const all = await platform.statuses(operationIds);
      return all.every((o) => o.status === 'COMPLETED' || o.status === 'FAILED') ? all : undefined;
    }, 120_000).catch(() => platform.statuses(operationIds));
    const audits = await Promise.all(tenantIds.map((tenantId) => platform.suspendAudits(tenantId)));
    const notCompleted = final.filter((o) => o.status !== 'COMPLETED');
    recordReliability({
      suite: 'fault: SQS server restarted (its messages lost) with operations in flight',
      tried: {
        faults: RESTARTS,
        operations: operationIds.length,
        inFlightAtRestart: inFlightAtRestart.size,
        launchedWhileDown: RESTARTS * DURING_EACH,
      },
      lost: {
        notCompleted: notCompleted.length,
        statusChangesNotExactlyOnce: audits.filter((count) => count !== 1).length,
      },
      notes: [
        `${unsentAtLaunch} operation(s) accepted while SQS was down (stored PENDING, message unsent), sent by the sweeper`,
      ],
    });

    expect(unsentAtLaunch).toBe(RESTARTS * DURING_EACH);
    expect(notCompleted.map((o) => `${o.operationId} ${o.status} ${o.error?.code ?? ''}`)).toEqual([]);
    expect(audits).toEqual(tenantIds.map(() => 1));
  }, 300_000);
});

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
