import type { SiteHealth } from '@bbws/integrations-wordpress-client';
import type { AgentHealth, HomePageProbe } from './site-health.report';
import { newFailures, summariseSiteHealth } from './site-health.summary';

const AT = '2026-12-03T08:00:00.000Z';
const page = (overrides: Partial<HomePageProbe> = {}): HomePageProbe => ({
  httpStatus: 200,
  responseTimeMs: 120,
  fatal: false,
  ...overrides,
});

function agent(overrides: Partial<SiteHealth> = {}): AgentHealth {
  return {
    ok: true,
    health: {
      blogId: 2,
      status: 'good',
      core: [
        {
          test: 'php_version',
          label: 'PHP is current',
          status: 'good',
          badge: 'Performance',
          description: '',
        },
      ],
      platform: [
        { check: 'database', status: 'pass', message: 'The database answers' },
        { check: 'last_request', status: 'pass', message: 'No fatal error in the last request' },
      ],
      ...overrides,
    },
  };
}

const statusOf = (probe: HomePageProbe, health: AgentHealth) => summariseSiteHealth(probe, health, AT).status;

describe('summariseSiteHealth', () => {
  it('is HEALTHY with a fast 200 home page and nothing but good findings, listing each check', () => {
    const report = summariseSiteHealth(page(), agent(), AT);

    expect(report).toEqual({
      status: 'HEALTHY',
      checkedAt: AT,
      responseTimeMs: 120,
      checks: [
        { name: 'home_page', status: 'PASS', message: 'The home page answered HTTP 200 in 120 ms' },
        { name: 'database', status: 'PASS', message: 'The database answers' },
        { name: 'last_request', status: 'PASS', message: 'No fatal error in the last request' },
      ],
    });
  });

  it('is UNHEALTHY when the home page answers 5xx, shows a PHP fatal or cannot be reached', () => {
    expect(statusOf(page({ httpStatus: 502 }), agent())).toBe('UNHEALTHY');
    const fatal = summariseSiteHealth(page({ httpStatus: 200, fatal: true }), agent(), AT);
    expect(fatal.status).toBe('UNHEALTHY');
    expect(fatal.checks[0]).toMatchObject({
      name: 'home_page',
      status: 'FAIL',
      message: expect.stringContaining('PHP fatal'),
    });
    const down = summariseSiteHealth(
      page({ httpStatus: null, responseTimeMs: null, error: 'ECONNREFUSED' }),
      agent(),
      AT,
    );
    expect(down).toMatchObject({ status: 'UNHEALTHY', responseTimeMs: null });
    expect(down.checks[0].message).toContain('ECONNREFUSED');
  });

  it("is DEGRADED, not UNHEALTHY, on WordPress's critical findings (listed as FAIL), and leaves out the platform-managed tests", () => {
    const critical = agent({
      status: 'critical',
      core: [
        { test: 'sql_server', label: 'Old database', status: 'critical', badge: '', description: '' },
        { test: 'background_updates', label: 'No updates', status: 'critical', badge: '', description: '' },
        { test: 'dotorg_communication', label: 'Offline', status: 'critical', badge: '', description: '' },
      ],
    });
    const report = summariseSiteHealth(page(), critical, AT);
    expect(report.status).toBe('DEGRADED');
    expect(report.checks.filter((check) => check.name.startsWith('core:'))).toEqual([
      { name: 'core:sql_server', status: 'FAIL', message: 'Old database' },
    ]);
    const managedOnly = agent({
      core: [
        { test: 'background_updates', label: 'No updates', status: 'critical', badge: '', description: '' },
      ],
    });
    expect(statusOf(page(), managedOnly)).toBe('HEALTHY');
  });

  it('is UNHEALTHY when a platform check fails or the agent fails itself', () => {
    const fatalBefore = agent({
      platform: [{ check: 'last_request', status: 'fail', message: 'Fatal error in the last request: boom' }],
    });
    expect(statusOf(page(), fatalBefore)).toBe('UNHEALTHY');
    expect(statusOf(page(), { ok: false, reachable: true, message: 'HTTP 500' })).toBe('UNHEALTHY');
  });

  it('is DEGRADED on recommended findings, a slow page or a 4xx home page', () => {
    const recommended = agent({
      status: 'recommended',
      core: [
        {
          test: 'loopback_requests',
          label: 'No loopback',
          status: 'recommended',
          badge: '',
          description: '',
        },
      ],
    });
    const report = summariseSiteHealth(page(), recommended, AT);
    expect(report.status).toBe('DEGRADED');
    expect(report.checks).toContainEqual({
      name: 'core:loopback_requests',
      status: 'WARN',
      message: 'No loopback',
    });
    expect(statusOf(page({ responseTimeMs: 3_500 }), agent())).toBe('DEGRADED');
    expect(statusOf(page({ responseTimeMs: 3_000 }), agent())).toBe('HEALTHY');
    expect(statusOf(page({ httpStatus: 404 }), agent())).toBe('DEGRADED');
  });

  it('is UNKNOWN when the agent cannot be reached, unless the home page proves the site broken', () => {
    const unreachable: AgentHealth = { ok: false, reachable: false, message: 'ECONNREFUSED' };
    const report = summariseSiteHealth(page(), unreachable, AT);
    expect(report.status).toBe('UNKNOWN');
    expect(report.checks).toContainEqual({
      name: 'wordpress_agent',
      status: 'WARN',
      message: 'The platform agent could not be reached: ECONNREFUSED',
    });
    expect(statusOf(page({ httpStatus: null, responseTimeMs: null }), unreachable)).toBe('UNKNOWN');
    expect(statusOf(page({ httpStatus: 500 }), unreachable)).toBe('UNHEALTHY');
  });
});

describe('newFailures', () => {
  it('names the checks a change made fail, not those failing already', () => {
    const critical = agent({
      core: [{ test: 'https_status', label: 'No HTTPS', status: 'critical', badge: '', description: '' }],
    });
    const before = summariseSiteHealth(page(), critical, AT);
    const after = summariseSiteHealth(page({ httpStatus: 500, fatal: true }), critical, AT);

    expect(newFailures(before, after)).toEqual(['home_page']);
    expect(newFailures(before, before)).toEqual([]);
  });
});
