import { recordReliability, reliabilityMode } from '../reliability-record';
import { compileApps, type CompiledApp } from './compiled-app';
import { WorkersPlatform } from './workers-platform';

const FULL = reliabilityMode() === 'full';
const KILLS = FULL ? 3 : 1;
const OPERATIONS = FULL ? 120 : 60;

/**
 * The compiled workers app SIGKILLed while it works through a batch of tenant suspensions (check,
 * change the status with its audit event, notify), a new process started each time: every operation
 * completes, the status change happened exactly once per tenant, every notification went out, and
 * nothing reached the dead-letter queue.
 */
describe('fault: a worker SIGKILLed mid-operation', () => {
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

  it(`resumes every operation exactly once after ${KILLS} kill(s)`, async () => {
    const tenantIds: string[] = [];
    const operationIds: string[] = [];
    for (let batch = 0; batch < OPERATIONS / 10; batch += 1) {
      const seeded = await Promise.all(Array.from({ length: 10 }, () => platform.seedActiveTenant()));
      const launched = await Promise.all(seeded.map((tenantId) => platform.launchSuspend(tenantId)));
      tenantIds.push(...seeded);
      operationIds.push(...launched.map((operation) => operation.operationId));
    }

    let killedMidOperation = 0;
    worker = await platform.startWorkers();
    for (let kill = 0; kill < KILLS; kill += 1) {
      // Kill while some operations are done and others are being worked on.
      const target = Math.ceil(((kill + 1) * OPERATIONS) / (KILLS + 2));
      const inFlight = await waitFor(async () => {
        const all = await platform.statuses(operationIds);
        const done = all.filter((o) => o.status === 'COMPLETED').length;
        const running = all.filter((o) => o.status === 'IN_PROGRESS').length;
        return done >= target && running > 0 ? running : undefined;
      }, 60_000);
      await worker.kill();
      killedMidOperation += inFlight;
      worker = await platform.startWorkers();
    }

    const final = await waitFor(async () => {
      const all = await platform.statuses(operationIds);
      return all.every((o) => o.status === 'COMPLETED' || o.status === 'FAILED') ? all : undefined;
    }, 90_000);
    const notifications = await platform.drainNotifications();
    const audits = await Promise.all(tenantIds.map((tenantId) => platform.suspendAudits(tenantId)));
    const tenants = await Promise.all(tenantIds.map((tenantId) => platform.tenants.get(tenantId)));
    const deadLetters = await platform.deadLetters();

    const notCompleted = final.filter((o) => o.status !== 'COMPLETED');
    const statusChangesNotOnce = audits.filter((count) => count !== 1).length;
    const notNotified = operationIds.filter((id) => !notifications.get(id)).length;
    const notifiedTwice = operationIds.filter((id) => (notifications.get(id) ?? 0) > 1).length;
    const stepsRedone = final.filter((o) => o.steps.some((step) => step.status !== 'COMPLETED')).length;
    recordReliability({
      suite: 'fault: worker SIGKILLed mid-operation (compiled workers, tenant suspensions)',
      tried: { faults: KILLS, operations: OPERATIONS, inFlightAtKill: killedMidOperation },
      lost: {
        notCompleted: notCompleted.length,
        statusChangesNotExactlyOnce: statusChangesNotOnce,
        notificationsMissing: notNotified,
        deadLettered: deadLetters,
      },
      notes: [
        `${killedMidOperation} operation(s) were IN_PROGRESS when a worker was killed`,
        `notifications sent twice (a crash between the publish and its checkpoint; webhook events are at least once): ${notifiedTwice}`,
      ],
    });

    expect(killedMidOperation).toBeGreaterThan(0);
    expect(notCompleted.map((o) => `${o.operationId} ${o.status} ${o.error?.code ?? ''}`)).toEqual([]);
    expect(stepsRedone).toBe(0);
    expect(audits).toEqual(tenantIds.map(() => 1));
    expect(tenants.map((tenant) => tenant?.status)).toEqual(tenantIds.map(() => 'SUSPENDED'));
    expect(notNotified).toBe(0);
    expect(deadLetters).toBe(0);
  }, 300_000);
});

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
