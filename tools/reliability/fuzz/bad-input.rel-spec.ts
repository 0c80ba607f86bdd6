import fc from 'fast-check';
import { recordReliability, reliabilityMode } from '../reliability-record';
import { badInputs } from './bad-inputs';
import { startFuzzPlatform, type FuzzPlatform } from './fuzz-apps';
import { isErrorEnvelope, send } from './fuzz-request';
import { seedFuzzWorld, type FuzzWorld } from './fuzz-world';
import { documentedRoutes, routeName, type Route } from './openapi-routes';
import { routeAccess } from './route-access';
import { tablesChecksum } from './table-checksum';

const SHORT_SEED = 20_261_203;

function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
const INPUTS_PER_ROUTE = reliabilityMode() === 'full' ? 100 : 8;

describe('bad-input fuzzer: every route of every OpenAPI document, inputs from its schemas', () => {
  let platform: FuzzPlatform;
  let world: FuzzWorld;
  let routes: Route[];

  beforeAll(async () => {
    platform = await startFuzzPlatform();
    world = await seedFuzzWorld(platform.db);
    routes = (await Promise.all(platform.apps.map((app) => documentedRoutes(app)))).flat();
  }, 120_000);
  afterAll(() => platform?.close());

  it('refuses every bad input with a 4xx and the error envelope, and changes nothing stored', async () => {
    const seed = reliabilityMode() === 'full' ? Date.now() % 2 ** 31 : SHORT_SEED;
    console.log(`bad-input fuzzer: seed ${seed}, ${INPUTS_PER_ROUTE} inputs per route`);
    const ids = { ...world.catalogue, ...world.a.ids };
    const lost = { '5xx': 0, 'accepted (2xx/3xx)': 0, 'no error envelope': 0, 'state changed': 0 };
    const problems: string[] = [];
    const kinds = new Map<string, number>();
    let inputs = 0;
    let fuzzed = 0;
    for (const [index, route] of routes.entries()) {
      const access = routeAccess(route, routes);
      const caller = access.isPublic
        ? undefined
        : access.platformAdminOnly
          ? world.platformAdmin.token
          : world.a.users.ADMIN.token;
      const arbitrary = badInputs(route, ids, caller);
      if (!arbitrary) continue;
      fuzzed += 1;
      const before = await tablesChecksum(platform.db);
      for (const input of fc.sample(arbitrary, { seed: seed + index, numRuns: INPUTS_PER_ROUTE })) {
        inputs += 1;
        kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
        const response = await send(route.app, input.request);
        const where = `${routeName(route)} ${input.kind} → ${response.status}`;
        const sent = JSON.stringify(input.request.body ?? input.request.rawBody ?? null).slice(0, 300);
        const detail = `${readable(input.request.url).slice(0, 200)} ${sent} ${JSON.stringify(input.request.headers ?? {})} → ${response.text.slice(0, 200)}`;
        if (response.status >= 500 || response.status < 400) {
          lost[response.status >= 500 ? '5xx' : 'accepted (2xx/3xx)'] += 1;
          problems.push(`${where}: ${detail}`);
        } else if (!isErrorEnvelope(response)) {
          lost['no error envelope'] += 1;
          problems.push(`${where} without the error envelope: ${detail}`);
        }
      }
      const after = await tablesChecksum(platform.db);
      if (after.sha256 !== before.sha256) {
        lost['state changed'] += 1;
        problems.push(`${routeName(route)}: tables changed (${before.items} → ${after.items} items)`);
      }
    }
    recordReliability({
      suite: 'bad-input fuzzer',
      tried: { routes: routes.length, 'routes with inputs': fuzzed, inputs, 'table checksums': fuzzed * 2 },
      lost,
      notes: [
        `mode ${reliabilityMode()}, fast-check seed ${seed} (+ route index), ${INPUTS_PER_ROUTE} inputs per route; tables checksummed before and after each route's batch`,
        `kinds: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
      ],
    });
    expect(platform.computeCalls).toBe(0);
    expect(problems).toEqual([]);
  }, 900_000);
});
