import path from 'node:path';
import { freePort } from '@bbws/testing-engines';
import { APP_NODE_FLAGS } from '../../local/app-process';
import type { Bench, BenchFigure } from '../bench-section';
import { envNumber, msToFirstOk, startNode, stopProcess } from '../footprint/app-process';
import { seedTenantMember, startBenchEngines } from '../footprint/bench-engines';
import { loadList, meanLoad, pageUrl, type ListLoad } from './list-pages';
import { seedOperations } from './operation-seeder';

const PAGE_SIZE = 20;
const DEEP_PAGE = 50;
const CONNECTIONS = 10;
const P99_RATIO_GOAL = 1.5;

interface Target {
  name: string;
  url: string;
  rounds: ListLoad[];
}

/**
 * One page of 20 of a tenant's operations (GET /v1.0/tenants/{t}/operations through the compiled
 * operations-api) for a tenant with 1k operations and one with 100k in the same table: the first page and
 * page 50 (the cursor of page 49), in alternating rounds. Operations are the list that grows most: every
 * long action of every site and instance adds one, and they are kept 90 days.
 */
export const runListsBench: Bench = async ({ distRoot }) => {
  const quick = process.env.BENCH_QUICK === '1';
  const small = envNumber('LISTS_SMALL', 1_000);
  const planned = envNumber('LISTS_LARGE', 100_000);
  const seedBudgetMs = envNumber('LISTS_SEED_BUDGET_SECONDS', 100) * 1000;
  const rounds = envNumber('LISTS_ROUNDS', quick ? 1 : 3);
  const seconds = envNumber('LISTS_SECONDS', quick ? 2 : 4);
  const engines = await startBenchEngines();
  try {
    const smallTenant = engines.tenantId;
    const largeTenant = await seedTenantMember(engines.db, engines.userId);
    const seedStarted = performance.now();
    await seedOperations(engines.db, smallTenant, small);
    // The section must fit its budget: on a slow machine the large tenant gets what fits, labelled as such.
    const large = await seedOperations(engines.db, largeTenant, planned, seedStarted + seedBudgetMs);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const port = await freePort();
    const base = `http://127.0.0.1:${port}/v1.0/tenants`;
    const app = startNode(
      path.join(distRoot, 'apps/operations-api/src/main.js'),
      {
        ...engines.env,
        PORT: String(port),
      },
      APP_NODE_FLAGS,
    );
    try {
      const first = (tenantId: string) => `${base}/${tenantId}/operations?pageSize=${PAGE_SIZE}`;
      await msToFirstOk(app, first(smallTenant), engines.auth);
      const targets: Target[] = [
        { name: `first page, ${label(small)}`, url: first(smallTenant), rounds: [] },
        { name: `first page, ${label(large)}`, url: first(largeTenant), rounds: [] },
        {
          name: `page ${DEEP_PAGE}, ${label(small)}`,
          url: await pageUrl(first(smallTenant), DEEP_PAGE, PAGE_SIZE, engines.auth),
          rounds: [],
        },
        {
          name: `page ${DEEP_PAGE}, ${label(large)}`,
          url: await pageUrl(first(largeTenant), DEEP_PAGE, PAGE_SIZE, engines.auth),
          rounds: [],
        },
      ];
      for (const target of targets)
        await loadList(target.url, engines.auth, Math.min(2, seconds), CONNECTIONS);
      for (let round = 0; round < rounds; round += 1) {
        for (const target of targets)
          target.rounds.push(await loadList(target.url, engines.auth, seconds, CONNECTIONS));
      }
      const [smallFirst, largeFirst, smallDeep, largeDeep] = targets.map((target) => meanLoad(target.rounds));
      const failed = targets.filter((target) => meanLoad(target.rounds).non2xx > 0);
      if (failed.length)
        throw new Error(`non-2xx answers: ${failed.map((target) => target.name).join(', ')}`);

      const key = `${label(large)}`;
      const figures: BenchFigure[] = [
        ratioFigure(
          `lists.p99-ratio-${key}`,
          `first page p99, ${label(large)} vs ${label(small)} operations`,
          largeFirst.p99 / smallFirst.p99,
        ),
        ratioFigure(
          `lists.deep-p99-ratio-${key}`,
          `page ${DEEP_PAGE} p99, ${label(large)} vs ${label(small)} operations`,
          largeDeep.p99 / smallDeep.p99,
        ),
        {
          key: `lists.rps-ratio-${key}`,
          label: `first page req/s, ${label(large)} vs ${label(small)}`,
          value: round2(largeFirst.requestsPerSecond / smallFirst.requestsPerSecond),
          unit: 'x',
          checked: { better: 'higher' },
        },
      ];
      const row = (name: string, load: ListLoad) =>
        `${name.padEnd(22)} ${load.requestsPerSecond.toFixed(0).padStart(7)} ${load.p50.toFixed(1).padStart(8)} ${load.p99.toFixed(1).padStart(8)} ${String(load.non2xx).padStart(7)}`;
      const table = [
        `GET /v1.0/tenants/{t}/operations?pageSize=${PAGE_SIZE} through operations-api (a VIEWER member), DynamoDB Local in memory`,
        `${label(small)} and ${label(large)} operations of two tenants in one table, seeded with BatchWriteItem in ${seedSeconds.toFixed(1)} s (${Math.round((small + large) / seedSeconds)} items/s)`,
        `${CONNECTIONS} connections, ${rounds} alternating rounds of ${seconds} s per target after a warm-up; page ${DEEP_PAGE} through the cursor of page ${DEEP_PAGE - 1}`,
        `${'target'.padEnd(22)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(7)}`,
        ...targets.map((target, index) =>
          row(target.name, [smallFirst, largeFirst, smallDeep, largeDeep][index]),
        ),
        `p99 ${label(large)} / ${label(small)}: first page ${figures[0].value}x, page ${DEEP_PAGE} ${figures[1].value}x (goal <= ${P99_RATIO_GOAL}x)`,
      ].join('\n');
      const notes =
        large < planned
          ? [
              `Seeding stopped at ${large} of ${planned} operations: DynamoDB Local ingested ${Math.round((small + large) / seedSeconds)} items/s, and the section's seeding budget is ${seedBudgetMs / 1000} s (LISTS_SEED_BUDGET_SECONDS).`,
            ]
          : [];
      return { name: 'lists', title: 'lists: one page of 20 as a tenant grows', table, figures, notes };
    } finally {
      await stopProcess(app);
    }
  } finally {
    await engines.stop();
  }
};

function ratioFigure(key: string, text: string, ratio: number): BenchFigure {
  return {
    key,
    label: text,
    value: round2(ratio),
    unit: 'x',
    checked: { better: 'lower' },
    goal: { op: '<=', value: P99_RATIO_GOAL },
    chart: 'lists',
  };
}

const label = (count: number) => (count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count));
const round2 = (value: number) => Math.round(value * 100) / 100;
