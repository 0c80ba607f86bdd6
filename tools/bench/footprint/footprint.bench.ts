import path from 'node:path';
import { APP_NODE_FLAGS } from '../../local/app-process';
import type { Bench, BenchFigure, BenchSection } from '../bench-section';
import { envNumber } from './app-process';
import { startBenchEngines } from './bench-engines';
import { FOOTPRINT_APPS } from './footprint.apps';
import { footprintNotes, type MeasuredApp } from './footprint-notes';
import { measureFootprint, type Footprint, type FootprintSettings } from './measure-footprint';

const COLD_START_GOAL_MS = 1000;
const IDLE_RSS_GOAL_MB = 100;

function settings(): FootprintSettings {
  const quick = process.env.BENCH_QUICK === '1';
  return {
    starts: envNumber('FOOTPRINT_STARTS', 3),
    warmRequests: 20,
    settleMs: envNumber('FOOTPRINT_SETTLE_MS', quick ? 500 : 1000),
    loadSeconds: envNumber('FOOTPRINT_LOAD_SECONDS', quick ? 1 : 3),
    loadConnections: 10,
  };
}

/**
 * Cold start (spawn to the first 200 of an authenticated GET, median of 3 starts), idle RSS and peak RSS
 * under a short load for every app compiled in dist/, and the same for a bare Fastify process as the floor.
 */
export const runFootprintBench: Bench = async ({ distRoot }) => {
  const options = settings();
  const engines = await startBenchEngines();
  try {
    const bare = await measureFootprint(
      {
        script: path.join(distRoot, 'tools/bench/footprint/bare-fastify.server.js'),
        env: engines.env,
        url: (port) => `http://127.0.0.1:${port}/`,
        headers: {},
        nodeArgs: APP_NODE_FLAGS,
      },
      options,
    );
    const measured: MeasuredApp[] = [];
    for (const app of FOOTPRINT_APPS) {
      const footprint = await measureFootprint(
        {
          script: path.join(distRoot, 'apps', app.name, 'src/main.js'),
          env: engines.env,
          url: (port) => `http://127.0.0.1:${port}${app.probe.replace(':tenantId', engines.tenantId)}`,
          headers: app.authenticated ? engines.auth : {},
          nodeArgs: APP_NODE_FLAGS,
        },
        options,
      );
      measured.push({ name: app.name, api: app.api, footprint });
    }
    return section(options, bare, measured);
  } finally {
    await engines.stop();
  }
};

function section(options: FootprintSettings, bare: Footprint, measured: MeasuredApp[]): BenchSection {
  const figures: BenchFigure[] = [
    {
      key: 'footprint.bare-fastify.cold-start',
      label: 'bare Fastify: cold start',
      value: Math.round(bare.coldStartMs),
      unit: 'ms',
      chart: 'cold-start',
    },
    {
      key: 'footprint.bare-fastify.idle-rss',
      label: 'bare Fastify: idle RSS',
      value: round1(bare.idleRssMb),
      unit: 'MB',
      chart: 'rss',
    },
  ];
  for (const { name, api, footprint } of measured) {
    figures.push(
      {
        key: `footprint.${name}.cold-start`,
        label: `${name}: cold start`,
        value: Math.round(footprint.coldStartMs),
        unit: 'ms',
        chart: 'cold-start',
        ...(api ? { goal: { op: '<=' as const, value: COLD_START_GOAL_MS } } : {}),
      },
      {
        key: `footprint.${name}.idle-rss`,
        label: `${name}: idle RSS`,
        value: round1(footprint.idleRssMb),
        unit: 'MB',
        chart: 'rss',
        ...(api ? { goal: { op: '<=' as const, value: IDLE_RSS_GOAL_MB } } : {}),
      },
      {
        key: `footprint.${name}.loaded-rss`,
        label: `${name}: peak RSS under load`,
        value: round1(footprint.loadedRssMb),
        unit: 'MB',
        chart: 'rss',
      },
      {
        key: `footprint.${name}.cold-start-vs-bare`,
        label: `${name}: cold start vs bare Fastify`,
        value: round2(footprint.coldStartMs / bare.coldStartMs),
        unit: 'x',
        checked: { better: 'lower' },
      },
    );
  }
  const row = (name: string, f: Footprint) =>
    [
      name.padEnd(16),
      String(Math.round(f.coldStartMs)).padStart(7),
      `(${f.coldStartsMs.map((ms) => Math.round(ms)).join(' ')})`.padEnd(18),
      f.idleRssMb.toFixed(1).padStart(8),
      f.loadedRssMb.toFixed(1).padStart(9),
      f.loadRequestsPerSecond.toFixed(0).padStart(7),
      String(f.loadNon2xx).padStart(7),
    ].join(' ');
  const table = [
    `Compiled apps from dist/ with the flags they run with (${APP_NODE_FLAGS.join(' ')}), one at a time, ${options.starts} starts each; DynamoDB Local in memory, local SQS, S3, JWKS.`,
    `cold start = spawn to the first 200 (API apps: an authenticated GET of a seeded tenant; workers: /ready; front-door: its JWKS)`,
    `idle RSS after ${options.warmRequests} requests and ${options.settleMs} ms; peak RSS under ${options.loadSeconds} s of autocannon with ${options.loadConnections} connections`,
    `${'app'.padEnd(16)} ${'cold ms'.padStart(7)} ${'(each start)'.padEnd(18)} ${'idle MB'.padStart(8)} ${'loaded MB'.padStart(9)} ${'req/s'.padStart(7)} ${'non-2xx'.padStart(7)}`,
    row('bare Fastify', bare),
    ...measured.map(({ name, footprint }) => row(name, footprint)),
    `goals per API app: cold start <= ${COLD_START_GOAL_MS} ms, idle RSS <= ${IDLE_RSS_GOAL_MB} MB`,
  ].join('\n');
  const notes = footprintNotes(measured, bare, {
    coldStartMs: COLD_START_GOAL_MS,
    idleRssMb: IDLE_RSS_GOAL_MB,
  });
  return { name: 'footprint', title: 'footprint: cold start and memory per app', table, figures, notes };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
