import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultTableNames } from '@bbws/data-access-dynamo';
import { createSqsClient, ensureQueues } from '@bbws/platform-sqs';
import {
  freePort,
  generateSigningKey,
  signTestToken,
  startDynamoLocal,
  startJwksServer,
  startSqs,
} from '@bbws/testing-engines';
import { APP_NODE_FLAGS } from '../../local/app-process';
import type { Bench, BenchSection } from '../bench-section';
import { benchDynamoContext, createBenchTables, seedFixtures } from './api-fixtures';
import { apiFigures, apiTable, missedGoalNotes, type RouteOutcome } from './api-figures';
import { profileMissedServices, summarizeProfiles } from './api-profile-pass';
import { measuredRoutes, type MeasuredRoute } from './api-routes';
import {
  API_SERVICES,
  BENCH_APP_STAGE,
  benchAppEnvironment,
  type ApiService,
  type BenchEndpoints,
} from './api-services';
import { loadRun, meanOf, type LoadResult } from './load-run';
import { startService, waitForOk, type ServiceProcess } from './service-process';

const quick = process.env.BENCH_QUICK === '1';
const SETTINGS = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
  rounds: Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3)),
  seconds: Number(process.env.BENCH_SECONDS ?? (quick ? 1 : 3)),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 1),
};
/** BENCH_API_SERVICES=tenants-api,sites-api measures only those (while developing). */
const ONLY = process.env.BENCH_API_SERVICES?.split(',');
/** With BENCH_CPU_PROFILE_DIR, each API app writes a CPU profile (<dir>/<service>/) summarized in the notes. */
const PROFILE_ROOT = process.env.BENCH_CPU_PROFILE_DIR;

/** Pools of fresh resources (202 writes) are sized from the fastest rate seen so far, with room to spare. */
function poolSize(expectedRate: number, seconds: number): number {
  return Math.ceil(expectedRate * seconds * 1.5) + 200;
}

interface Target {
  name: 'bare' | 'api';
  process: ServiceProcess;
  token: string;
}

async function measureRoute(route: MeasuredRoute, targets: [Target, Target]): Promise<RouteOutcome> {
  // Until a run has shown the route's rate, pools are sized for a fast quiet machine.
  let fastestRate = 0;
  const run = async (target: Target, seconds: number): Promise<LoadResult> => {
    const source = await route.prepare(poolSize(fastestRate || 600, seconds));
    const result = await loadRun({
      baseUrl: target.process.baseUrl,
      token: target.token,
      source,
      seconds,
      connections: SETTINGS.connections,
      serverCpuMs: () => target.process.cpuMs(),
    });
    fastestRate = Math.max(fastestRate, result.requestsPerSecond);
    // autocannon stops with requests in flight; let the server finish them before the next run leases items.
    await new Promise((resolve) => setTimeout(resolve, Math.min(5000, Math.max(300, 3 * result.p99))));
    return result;
  };
  // Warm both (JIT, DynamoDB Local), then alternate bare and API so neither gets a warmer engine or a
  // quieter machine; each figure is the mean over the rounds.
  for (const target of targets) await run(target, SETTINGS.warmupSeconds);
  const rounds: Record<Target['name'], LoadResult[]> = { bare: [], api: [] };
  for (let round = 0; round < SETTINGS.rounds; round += 1) {
    for (const target of targets) rounds[target.name].push(await run(target, SETTINGS.seconds));
  }
  return { route, bare: meanOf(rounds.bare), api: meanOf(rounds.api) };
}

/**
 * Per API service, its hottest read and write through the compiled app (JWT verification, membership
 * check, validation, use case, presenter, ETag, a log line) against a bare Fastify handler doing the same
 * DynamoDB and SQS calls (bare-routes.ts), both run with the apps' node flags, on DynamoDB Local in
 * memory and the local SQS server.
 */
export const runApiBench: Bench = async ({ distRoot }) => {
  const dynamo = await startDynamoLocal({ inMemory: true });
  const sqs = await startSqs();
  const key = await generateSigningKey();
  const jwks = await startJwksServer([key.publicJwk]);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bbws-api-bench-'));
  const running: ServiceProcess[] = [];
  try {
    const endpoints: BenchEndpoints = {
      dynamo: dynamo.endpoint,
      sqs: sqs.endpoint,
      tables: defaultTableNames('bench'),
      auth: {
        issuer: `${jwks.endpoint}/bench-identity`,
        audience: 'bbws-bench',
        jwksUrl: `${jwks.endpoint}/.well-known/jwks.json`,
      },
      dataDir,
    };
    await createBenchTables(endpoints.dynamo, endpoints.tables);
    const sqsClient = createSqsClient({ region: 'us-east-1', endpoint: endpoints.sqs });
    await ensureQueues(sqsClient, BENCH_APP_STAGE);
    sqsClient.destroy();
    const db = benchDynamoContext(endpoints.dynamo, endpoints.tables);
    const fixtures = await seedFixtures(db, SETTINGS.connections);
    const sign = (sub: string, groups: string[]) =>
      signTestToken({
        sub,
        email: `${sub}@bench.example`,
        name: 'Bench',
        groups,
        issuer: endpoints.auth.issuer,
        audience: endpoints.auth.audience,
        key: key.privateJwk,
        expiresInSeconds: 3 * 3600,
      });
    const tokens = {
      member: await sign(fixtures.memberId, []),
      admin: await sign('bench-admin', ['platform-admin']),
    };

    const routes = measuredRoutes(db, fixtures);
    const outcomes: RouteOutcome[] = [];
    const profileNotes: string[] = [];
    for (const service of API_SERVICES.filter((name) => !ONLY || ONLY.includes(name))) {
      const serviceRoutes = routes.filter((route) => route.service === service);
      const [bare, api] = await startPair(distRoot, service, endpoints, running);
      const readPath = (await serviceRoutes[0].prepare(1)).next({}).path;
      await Promise.all([
        waitForOk(`${bare.baseUrl}${readPath}`, tokens.member),
        waitForOk(`${api.baseUrl}${readPath}`, tokens.member),
      ]);
      for (const route of serviceRoutes) {
        const token = tokens[route.caller];
        outcomes.push(
          await measureRoute(route, [
            { name: 'bare', process: bare, token },
            { name: 'api', process: api, token },
          ]),
        );
      }
      await Promise.all(running.splice(0).map((child) => child.stop()));
      if (PROFILE_ROOT)
        profileNotes.push(...summarizeProfiles(service, path.join(PROFILE_ROOT, service), 'whole run'));
    }
    if (!PROFILE_ROOT && !quick)
      profileNotes.push(
        ...(await profileMissedServices({
          distRoot,
          endpoints,
          outcomes,
          missed: (outcome) => missedGoalNotes([outcome]).length > 0,
          tokens,
          seconds: SETTINGS.seconds,
          connections: SETTINGS.connections,
        })),
      );
    return section(outcomes, profileNotes);
  } finally {
    await Promise.all(running.map((child) => child.stop()));
    await jwks.stop();
    await sqs.stop();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

async function startPair(
  distRoot: string,
  service: ApiService,
  endpoints: BenchEndpoints,
  running: ServiceProcess[],
): Promise<[ServiceProcess, ServiceProcess]> {
  const barePort = await freePort();
  const apiPort = await freePort();
  const bare = startService(
    path.join(distRoot, 'tools/bench/api/bare-api.server.js'),
    { ...benchAppEnvironment(endpoints, barePort), BARE_SERVICE: service },
    barePort,
    { nodeArgs: APP_NODE_FLAGS },
  );
  running.push(bare);
  const api = startService(
    path.join(distRoot, `apps/${service}/src/main.js`),
    benchAppEnvironment(endpoints, apiPort),
    apiPort,
    { nodeArgs: APP_NODE_FLAGS, profileDir: PROFILE_ROOT && path.join(PROFILE_ROOT, service) },
  );
  running.push(api);
  return [bare, api];
}

function section(outcomes: RouteOutcome[], profileNotes: string[]): BenchSection {
  const { connections, rounds, seconds, warmupSeconds } = SETTINGS;
  const settings =
    `${connections} connections, ${rounds} alternating rounds (bare, api) of ${seconds} s per route after ` +
    `${warmupSeconds} s warm-up each; DynamoDB Local in memory, local SQS; 202s on fresh resources`;
  return {
    name: 'api',
    title: 'API services vs bare handlers (hottest read and write each)',
    table: apiTable(outcomes, settings),
    figures: apiFigures(outcomes),
    notes: [...missedGoalNotes(outcomes), ...profileNotes],
  };
}
