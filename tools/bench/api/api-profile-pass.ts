import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@bbws/testing-engines';
import { APP_NODE_FLAGS } from '../../local/app-process';
import type { RouteOutcome } from './api-figures';
import type { MeasuredRoute } from './api-routes';
import { benchAppEnvironment, type ApiService, type BenchEndpoints } from './api-services';
import { profileNote, summarizeProfile, type CpuProfile } from './cpu-profile-summary';
import { loadRun } from './load-run';
import { startService, waitForOk } from './service-process';

/** The CPU profiles of one service's app (node --cpu-prof writes one per process), as report notes. */
export function summarizeProfiles(service: string, dir: string, scope: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => {
      const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
      return profileNote(service, summarizeProfile(profile), scope);
    });
}

/**
 * After the measured rounds, each service with a missed goal runs its routes once more in an app started
 * with `--cpu-prof`, so the report says where its time goes without the profiler slowing the measured
 * rounds (the bare handler is never profiled).
 */
export async function profileMissedServices(options: {
  distRoot: string;
  endpoints: BenchEndpoints;
  outcomes: RouteOutcome[];
  missed: (outcome: RouteOutcome) => boolean;
  tokens: Record<MeasuredRoute['caller'], string>;
  seconds: number;
  connections: number;
}): Promise<string[]> {
  const services = [
    ...new Set(options.outcomes.filter(options.missed).map((outcome) => outcome.route.service)),
  ] as ApiService[];
  const root = mkdtempSync(path.join(tmpdir(), 'bbws-api-profile-'));
  const notes: string[] = [];
  try {
    for (const service of services) {
      const port = await freePort();
      const dir = path.join(root, service);
      const api = startService(
        path.join(options.distRoot, `apps/${service}/src/main.js`),
        benchAppEnvironment(options.endpoints, port),
        port,
        { nodeArgs: APP_NODE_FLAGS, profileDir: dir },
      );
      try {
        const routes = options.outcomes
          .map((outcome) => outcome.route)
          .filter((route) => route.service === service);
        const readPath = (await routes[0].prepare(1)).next({}).path;
        await waitForOk(`${api.baseUrl}${readPath}`, options.tokens.member);
        for (const route of routes) {
          await loadRun({
            baseUrl: api.baseUrl,
            token: options.tokens[route.caller],
            source: await route.prepare(2000),
            seconds: options.seconds,
            connections: options.connections,
            serverCpuMs: () => Number.NaN,
          });
        }
      } finally {
        await api.stop();
      }
      notes.push(...summarizeProfiles(service, dir, 'a profiled pass after the measured rounds'));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return notes;
}
