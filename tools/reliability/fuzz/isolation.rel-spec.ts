import { recordReliability, reliabilityMode } from '../reliability-record';
import { startFuzzPlatform, type FuzzPlatform } from './fuzz-apps';
import { leakedSecrets, send, type FuzzResponse } from './fuzz-request';
import { seedFuzzWorld, type FuzzWorld } from './fuzz-world';
import { isolationCases } from './isolation-cases';
import { documentedRoutes, routeName, type Route } from './openapi-routes';

function errorCode(response: FuzzResponse): string | undefined {
  try {
    return response.json()?.error?.code;
  } catch {
    return undefined;
  }
}

describe('isolation fuzzer: every route of every OpenAPI document × identity', () => {
  let platform: FuzzPlatform;
  let world: FuzzWorld;
  let routes: Route[];
  const perApp = new Map<string, number>();

  beforeAll(async () => {
    platform = await startFuzzPlatform();
    world = await seedFuzzWorld(platform.db);
    routes = [];
    for (const app of platform.apps) {
      const found = await documentedRoutes(app);
      perApp.set(app.name, found.length);
      routes.push(...found);
    }
  }, 120_000);
  afterAll(() => platform?.close());

  it('reads the routes from each app’s served document', () => {
    expect([...perApp.keys()]).toEqual([
      'tenants-api',
      'instances-api',
      'sites-api',
      'templates-api',
      'plugins-api',
      'operations-api',
    ]);
    for (const count of perApp.values()) expect(count).toBeGreaterThan(0);
    expect(routes.length).toBeGreaterThanOrEqual(130);
  });

  it('answers no stranger 2xx, and shows none of the other tenant’s data', async () => {
    const cases = await isolationCases(routes, world);
    const problems: string[] = [];
    const lost = {
      'answered 2xx': 0,
      'unexpected status': 0,
      'existence revealed': 0,
      'leaked data': 0,
      '5xx': 0,
    };
    for (const check of cases) {
      const response = await send(check.route.app, check.request);
      const where = `${check.identity}: ${routeName(check.route)} → ${response.status}`;
      if (response.status >= 500) lost['5xx'] += 1;
      if (check.expected && response.status < 300) lost['answered 2xx'] += 1;
      if (check.expected && !check.expected.includes(response.status)) {
        lost['unexpected status'] += 1;
        problems.push(`${where} (expected ${check.expected.join('/')}) ${response.text.slice(0, 200)}`);
      }
      if (check.twin) {
        const twin = await send(check.route.app, check.twin);
        if (twin.status !== response.status || errorCode(twin) !== errorCode(response)) {
          lost['existence revealed'] += 1;
          problems.push(
            `${where}, but ${twin.status} ${errorCode(twin)} for unknown ids: existence revealed`,
          );
        }
      }
      const leaked = leakedSecrets(check.secrets, check.request, response);
      if (leaked.length) {
        lost['leaked data'] += 1;
        problems.push(`${where} shows ${leaked.join(', ')}`);
      }
    }
    const identities = new Set(cases.map((check) => check.identity));
    recordReliability({
      suite: 'isolation fuzzer',
      tried: {
        routes: routes.length,
        identities: identities.size,
        'route × identity requests': cases.length,
        'requests with an expected refusal': cases.filter((check) => check.expected).length,
        'twin requests on unknown ids': cases.filter((check) => check.twin).length,
      },
      lost,
      notes: [
        `mode ${reliabilityMode()}; ${[...perApp].map(([app, count]) => `${app} ${count}`).join(', ')} routes`,
        `identities: ${[...identities].join('; ')}`,
        'every path parameter named a seeded resource (A: tenant, 3 members, division/group/team, invitation and its token, ACTIVE instance, site, backup, installed plugin, operation, webhook; the catalogue: template, plugin, version); strangers read the public invitation route with a token of their own (the token is the invitee’s credential), and each twin request names well-formed ids of nothing',
      ],
    });
    expect(platform.computeCalls).toBe(0);
    expect(problems).toEqual([]);
  }, 600_000);
});
