import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
} from '@bbws/data-access-dynamo';
import { freePort, signTestToken, startDynamoLocal, type DynamoLocalEngine } from '@bbws/testing-engines';
import { recordReliability, reliabilityMode } from '../reliability-record';
import { compileApps, startCompiledApp, type CompiledApp } from './compiled-app';
import { LoadDriver, isDependencyUnavailable, type Outcome, type Step } from './request-log';
import { auditTenantWrites } from './tenant-writes.check';

const FULL = reliabilityMode() === 'full';
const KILLS = FULL ? 3 : 1;
const CONCURRENCY = 8;
const OUTAGE_MS = FULL ? 4000 : 2500;
const ANSWER_WITHIN_MS = 2000;
const RECOVER_WITHIN_MS = 10_000;
/** How long before its SIGKILL DynamoDB Local may have acknowledged a write it had not yet stored. */
const ENGINE_UNFLUSHED_MS = 1000;

interface KillRound {
  killedAt: number;
  /** When the restart began: from here requests may wait for the booting engine (and then succeed). */
  restartAt: number;
  /** When the restarted engine answered again (startDynamoLocal resolved). */
  upAt: number;
  readyDuringOutage: { status: number; body: { status?: string } };
  readyAgainMs: number;
}

/**
 * DynamoDB Local (persistent, on a fixed port) SIGKILLed under steady load on the compiled
 * tenants-api, then restarted: every request answers 2xx or a prompt 503 DEPENDENCY_UNAVAILABLE,
 * /ready says not ready, the API recovers within 10 s, and no write is lost or partial.
 */
describe('fault: DynamoDB Local killed under load', () => {
  const stage = 'test';
  const tables = defaultTableNames(stage);
  let dbPath: string;
  let port: number;
  let engine: DynamoLocalEngine;
  let api: CompiledApp;

  beforeAll(async () => {
    compileApps();
    dbPath = await mkdtemp(path.join(tmpdir(), 'bbws-fault-ddb-'));
    port = await freePort();
    engine = await startDynamoLocal({ port, dbPath });
    const raw = createDynamoClient({ region: 'us-east-1', endpoint: engine.endpoint });
    await ensureTables(raw, tables);
    raw.destroy();
    api = await startCompiledApp('tenants-api', { BBWS_STAGE: stage, DYNAMODB_ENDPOINT: engine.endpoint });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await engine?.stop();
    if (dbPath) await rm(dbPath, { recursive: true, force: true });
  });

  it(`answers 503 within 2 s while it is down, recovers within 10 s, loses and splits no write (${KILLS} kill(s))`, async () => {
    const admin = await signTestToken({
      sub: randomUUID(),
      email: 'faults@x.example',
      groups: ['platform-admin'],
    });
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const run = randomUUID().slice(0, 8);
    const existing: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await fetch(`${api.url}/v1.0/tenants`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ organizationName: `Fault seed ${run} ${i}`, contactEmail: 'ops@x.example' }),
      });
      expect(created.status).toBe(201);
      existing.push(((await created.json()) as { tenantId: string }).tenantId);
    }
    let n = 0;
    const nextStep = (): Step => {
      n += 1;
      if (n % 2 === 0) {
        const tenantId = existing[n % existing.length];
        return {
          kind: 'read',
          subject: tenantId,
          send: (signal) => fetch(`${api.url}/v1.0/tenants/${tenantId}`, { headers, signal }),
        };
      }
      const name = `Fault ${run} ${n}`;
      const body = JSON.stringify({ organizationName: name, contactEmail: 'ops@x.example' });
      return {
        kind: 'write',
        subject: name,
        send: (signal) => fetch(`${api.url}/v1.0/tenants`, { method: 'POST', headers, body, signal }),
      };
    };

    const load = new LoadDriver(CONCURRENCY, nextStep);
    const rounds: KillRound[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      await sleep(FULL ? 500 + Math.random() * 2500 : 1500);
      const killedAt = load.now();
      await engine.kill();
      await sleep(OUTAGE_MS / 2);
      const ready = await fetch(`${api.url}/ready`, { signal: AbortSignal.timeout(5000) });
      const readyDuringOutage = { status: ready.status, body: (await ready.json()) as { status?: string } };
      await sleep(OUTAGE_MS / 2);
      const restartAt = load.now();
      engine = await startDynamoLocal({ port, dbPath });
      const upAt = load.now();
      rounds.push({
        killedAt,
        restartAt,
        upAt,
        readyDuringOutage,
        readyAgainMs: await msUntilReady(api.url),
      });
      await waitForSuccessAfter(load, upAt, RECOVER_WITHIN_MS);
    }
    await sleep(1000);
    const outcomes = await load.stop();

    const db = createDynamoClient({ region: 'us-east-1', endpoint: engine.endpoint });
    const writes = await auditTenantWrites(
      createDocumentClient(db),
      tables.tenants,
      outcomes.filter((o) => o.kind === 'write'),
      (o) => rounds.some((r) => o.endedAt >= r.killedAt - ENGINE_UNFLUSHED_MS && o.startedAt <= r.killedAt),
    ).finally(() => db.destroy());

    const duringOutage = (o: Outcome) =>
      rounds.some((r) => o.startedAt >= r.killedAt && o.startedAt < r.restartAt);
    const outage = outcomes.filter(duringOutage);
    const unexpected = outcomes.filter(
      (o) => !(o.status >= 200 && o.status < 300) && !isDependencyUnavailable(o),
    );
    const slow503 = outcomes.filter((o) => isDependencyUnavailable(o) && o.latencyMs > ANSWER_WITHIN_MS);
    const recovery = rounds.map((r) => ({
      readyMs: r.readyAgainMs,
      read: firstSuccessAfter(outcomes, r.upAt, 'read'),
      write: firstSuccessAfter(outcomes, r.upAt, 'write'),
    }));
    const maxOutageLatency = Math.max(0, ...outage.map((o) => o.latencyMs));
    recordReliability({
      suite: 'fault: DynamoDB Local killed under load (tenants-api)',
      tried: {
        faults: KILLS,
        requests: outcomes.length,
        writes: writes.acknowledged + writes.lost + writes.atomicFailures + writes.partial,
        requestsDuringOutage: outage.length,
      },
      lost: {
        writesLost: writes.lost,
        partialWrites: writes.partial,
        unexpectedAnswers: unexpected.length,
        slowAnswers: slow503.length,
      },
      notes: [
        `max latency of requests sent while DynamoDB was down: ${maxOutageLatency.toFixed(0)} ms (limit ${ANSWER_WITHIN_MS})`,
        ...recovery.map(
          (r, i) =>
            `kill ${i + 1}: /ready 200 ${r.readyMs.toFixed(0)} ms after the restart; first 2xx read ${r.read.toFixed(0)} ms, write ${r.write.toFixed(0)} ms`,
        ),
        `writes: ${writes.acknowledged} acknowledged and complete, ${writes.atomicFailures} failed all-or-nothing`,
        `writes answered 201 within ${ENGINE_UNFLUSHED_MS} ms before a kill and dropped whole by DynamoDB Local's crash (the engine's durability): ${writes.lostByEngineCrash}`,
      ],
    });

    expect(unexpected.map((o) => `${o.kind} ${o.status} ${o.code ?? ''}`)).toEqual([]);
    expect(outage.filter((o) => o.kind === 'read' && isDependencyUnavailable(o)).length).toBeGreaterThan(0);
    expect(outage.filter((o) => o.kind === 'write' && isDependencyUnavailable(o)).length).toBeGreaterThan(0);
    expect(maxOutageLatency).toBeLessThanOrEqual(ANSWER_WITHIN_MS);
    for (const round of rounds) {
      expect(round.readyDuringOutage.status).toBe(503);
      expect(round.readyDuringOutage.body.status).toBe('not-ready');
    }
    for (const r of recovery) {
      expect(r.readyMs).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
      expect(r.read).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
      expect(r.write).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
    }
    expect(writes).toMatchObject({ lost: 0, partial: 0 });
    expect(writes.acknowledged).toBeGreaterThan(0);
  }, 240_000);
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function msUntilReady(url: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < RECOVER_WITHIN_MS * 2) {
    const ready = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (ready?.status === 200) return performance.now() - started;
    await sleep(50);
  }
  return Infinity;
}

/** Milliseconds from `upAt` to the end of the first 2xx of `kind` sent after it (Infinity if none). */
function firstSuccessAfter(outcomes: Outcome[], upAt: number, kind: Outcome['kind']): number {
  const ok = outcomes.filter(
    (o) => o.kind === kind && o.startedAt >= upAt && o.status >= 200 && o.status < 300,
  );
  return ok.length ? Math.min(...ok.map((o) => o.endedAt)) - upAt : Infinity;
}

async function waitForSuccessAfter(load: LoadDriver, upAt: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (
      firstSuccessAfter(load.outcomes, upAt, 'read') < Infinity &&
      firstSuccessAfter(load.outcomes, upAt, 'write') < Infinity
    )
      return;
    await sleep(50);
  }
}
