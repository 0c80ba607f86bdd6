import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import { TenantDao, MemberDao } from '@bbws/data-access-tenants';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
  type DynamoContext,
} from '@bbws/data-access-dynamo';
import { CursorCodec } from '@bbws/shared-hateoas';
import { newId, systemClock } from '@bbws/shared-util';
import {
  freePort,
  generateSigningKey,
  signTestToken,
  startDynamoLocal,
  startJwksServer,
} from '@bbws/testing-engines';

const STAGE = 'bench';
const CONNECTIONS = 20;
const DURATION_S = 8;
const ROUNDS = 2;
const WARMUP_S = 5;

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

function mean(rounds: LoadResult[]): LoadResult {
  const average = (pick: (r: LoadResult) => number) =>
    rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
  return {
    requestsPerSecond: average((r) => r.requestsPerSecond),
    p50: Math.round(average((r) => r.p50)),
    p99: Math.round(average((r) => r.p99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

function spawnNode(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const profile = process.env.BENCH_CPU_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
    : [];
  return spawn(process.execPath, [...profile, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function firstOk(url: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { headers });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * GET /v1.0/tenants/{id} through the real tenants-api (JWT verification, membership check, validation,
 * presenter, ETag, one log line) versus a bare Fastify handler doing the same GetItem; plus the API's
 * cold start (process start to first 200). Runs from dist/ (compiled), against DynamoDB Local in memory.
 */
export async function runTenantsBench(distRoot: string): Promise<string> {
  const dynamo = await startDynamoLocal({ inMemory: true });
  const key = await generateSigningKey();
  const jwks = await startJwksServer([key.publicJwk]);
  const children: ChildProcess[] = [];
  try {
    const tables = defaultTableNames(STAGE);
    const raw = createDynamoClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
    await ensureTables(raw, tables);
    const db: DynamoContext = {
      client: createDocumentClient(raw),
      tables,
      cursors: new CursorCodec(randomBytes(16).toString('hex')),
      clock: systemClock,
    };
    const tenants = new TenantDao(db, { auditRetentionDays: 30 });
    const now = new Date().toISOString();
    const tenantId = newId('tenant');
    const userId = randomUUID();
    await tenants.create(
      {
        tenantId,
        organizationName: `Bench ${tenantId.slice(-8)}`,
        contactEmail: 'bench@x.example',
        tier: 'STANDARD',
        status: 'ACTIVE',
        statusReason: null,
        metadata: {},
        adminCount: 0,
        createdAt: now,
        createdBy: 'bench',
        updatedAt: now,
        updatedBy: 'bench',
        version: 1,
      },
      { eventId: newId('evt'), tenantId, timestamp: now, actor: 'bench', action: 'TENANT_CREATED' },
    );
    await new MemberDao(db, tenants).add(
      {
        tenantId,
        userId,
        email: 'member@x.example',
        name: 'Bench Member',
        role: 'VIEWER',
        teamIds: [],
        joinedAt: now,
        addedBy: 'bench',
        updatedAt: now,
        version: 1,
      },
      { eventId: newId('evt'), tenantId, timestamp: now, actor: 'bench', action: 'MEMBER_ADDED' },
    );
    const issuer = `${jwks.endpoint}/bench-identity`;
    const token = await signTestToken({
      sub: userId,
      email: 'member@x.example',
      issuer,
      audience: 'bbws-bench',
      key: key.privateJwk,
      expiresInSeconds: 3600,
    });
    const auth = { authorization: `Bearer ${token}` };

    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}/v1.0/tenants/${tenantId}`;
    const started = performance.now();
    children.push(
      spawnNode(path.join(distRoot, 'apps/tenants-api/src/main.js'), {
        ...env,
        BBWS_STAGE: 'test',
        TABLE_TENANTS: tables.tenants,
        TABLE_INSTANCES: tables.instances,
        PORT: String(apiPort),
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: 'bbws-bench',
        AUTH_JWKS_URL: `${jwks.endpoint}/.well-known/jwks.json`,
        LOG_LEVEL: 'info',
      }),
    );
    await firstOk(apiUrl, auth);
    const coldStartMs = performance.now() - started;

    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}/v1.0/tenants/${tenantId}`;
    children.push(
      spawnNode(path.join(distRoot, 'tools/bench/bare-get-item.server.js'), {
        ...env,
        TABLE_TENANTS: tables.tenants,
        PORT: String(barePort),
      }),
    );
    await firstOk(bareUrl, {});

    // Warm both (JIT, DynamoDB Local), then measure them in alternating rounds so neither gets a
    // warmer engine or a quieter machine; each figure is the mean over the rounds.
    await load(bareUrl, {}, WARMUP_S);
    await load(apiUrl, auth, WARMUP_S);
    const bareRounds: LoadResult[] = [];
    const apiRounds: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRounds.push(await load(bareUrl, {}, DURATION_S));
      apiRounds.push(await load(apiUrl, auth, DURATION_S));
    }
    const bare = mean(bareRounds);
    const api = mean(apiRounds);
    const ratio = api.requestsPerSecond / bare.requestsPerSecond;
    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(7)}`;
    return [
      `GET /v1.0/tenants/{id}: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s each, DynamoDB Local in memory`,
      `${'target'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(7)}`,
      row('bare Fastify + GetItem', bare),
      row('tenants-api', api),
      `tenants-api / bare: ${(ratio * 100).toFixed(1)}% of requests/s (target >= 75%), p99 ${(api.p99 / Math.max(bare.p99, 1)).toFixed(2)}x (target <= 2x)`,
      `tenants-api cold start (process start to first 200): ${coldStartMs.toFixed(0)} ms`,
    ].join('\n');
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await jwks.stop();
    await dynamo.stop();
  }
}
