import { SiteStatusChangedError, type Site, type SiteChange, type SiteDao } from '@bbws/data-access-sites';
import type { SiteHealthCheck, SiteHealthReport } from '@bbws/integrations-instance-agents';
import type { TenantAccessService } from '@bbws/platform-auth';
import { VersionConflictError } from '@bbws/shared-errors';
import { TestClock, buildCaller, fakePort } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { SiteInstanceNotReadyError, type SiteAgents } from './site-agents';
import { SiteHealthService } from './site-health.service';

const REPORT: SiteHealthReport = {
  status: 'DEGRADED',
  checkedAt: '2026-12-03T08:00:00.000Z',
  responseTimeMs: 3_400,
  checks: [{ name: 'home_page', status: 'WARN', message: 'slow' }],
};

/** The service over a site store answering `stored` in turn, whose writes fail with `failures` first. */
function setUp(stored: Array<Site | null>, failures: Error[] = [], agentFailure?: Error) {
  const changes: Array<{ site: Site; change: SiteChange }> = [];
  const checked: string[] = [];
  let reads = 0;
  const service = new SiteHealthService(
    fakePort<SiteDao>({
      get: async () => stored[Math.min(reads++, stored.length - 1)],
      change: async (site: Site, change: SiteChange) => {
        changes.push({ site, change });
        const failure = failures.shift();
        if (failure) throw failure;
        return { ...site, ...change.changes, version: site.version + 1 } as Site;
      },
    }),
    fakePort<TenantAccessService>({
      require: async (_caller, tenantId) => ({ tenantId, isPlatformAdmin: false, role: 'VIEWER' }),
    }),
    fakePort<SiteAgents>({
      of: async (site) => {
        if (agentFailure) throw agentFailure;
        return {
          connection: {
            baseUrl: 'http://127.0.0.1:3000',
            hostHeader: 'acme.dev.localhost',
            tenantId: site.tenantId,
            credentials: { agentSecret: 'a'.repeat(64) },
          },
          ref: { blogId: site.wpSiteId, host: 'shop.dev.localhost' },
        };
      },
    }),
    fakePort<SiteHealthCheck>({
      check: async (_connection, _ref, siteUrl) => {
        checked.push(siteUrl);
        return REPORT;
      },
    }),
    TestClock.running(),
  );
  return { service, changes, checked };
}

const active = (overrides: Partial<Site> = {}) => buildSite({ status: 'ACTIVE', wpSiteId: 3, ...overrides });
const check = (service: SiteHealthService, site: Site) =>
  service.check(buildCaller(), site.tenantId, site.siteId);

describe('SiteHealthService', () => {
  it('checks an ACTIVE site and keeps the status on it, conditional on the version and ACTIVE', async () => {
    const site = active({ version: 4 });
    const { service, changes, checked } = setUp([site]);

    const { report } = await check(service, site);

    expect(report).toBe(REPORT);
    expect(checked).toEqual([site.siteUrl]);
    expect(changes).toEqual([
      {
        site,
        change: { expectedVersion: 4, expectedStatuses: ['ACTIVE'], changes: { healthStatus: 'DEGRADED' } },
      },
    ]);
  });

  it('writes nothing when the site already has the status', async () => {
    const site = active({ healthStatus: 'DEGRADED' });
    const { service, changes } = setUp([site]);
    await check(service, site);
    expect(changes).toEqual([]);
  });

  it('reads the site again after a concurrent change and writes on the new version', async () => {
    const site = active({ version: 2 });
    const moved = { ...site, version: 3 };
    const { service, changes } = setUp([site, moved], [new VersionConflictError(2, 3)]);

    await check(service, site);

    expect(changes.map(({ change }) => change.expectedVersion)).toEqual([2, 3]);
  });

  it('skips the write once the site is no longer ACTIVE, and after three races, still answering the check', async () => {
    const site = active();
    const suspended = { ...site, status: 'SUSPENDED' as const, version: 2 };
    const skipped = setUp([site, suspended], [new SiteStatusChangedError('SUSPENDED', ['ACTIVE'])]);
    await expect(check(skipped.service, site)).resolves.toMatchObject({ report: REPORT });
    expect(skipped.changes).toHaveLength(1);

    const races = [1, 2, 3].map((n) => new VersionConflictError(n));
    const busy = setUp([site], races);
    await expect(check(busy.service, site)).resolves.toMatchObject({ report: REPORT });
    expect(busy.changes).toHaveLength(3);
  });

  it('is UNKNOWN without a check when the site or its instance is not ACTIVE', async () => {
    const failed = buildSite({ status: 'FAILED' });
    const notActive = setUp([failed]);
    expect((await check(notActive.service, failed)).report).toMatchObject({
      status: 'UNKNOWN',
      checks: [{ name: 'site_status', status: 'WARN' }],
    });
    expect(notActive.checked).toEqual([]);

    const site = active();
    const noInstance = setUp([site], [], new SiteInstanceNotReadyError(site, 'SUSPENDED'));
    expect((await check(noInstance.service, site)).report).toMatchObject({
      status: 'UNKNOWN',
      checks: [{ name: 'instance', message: expect.stringContaining('SUSPENDED') }],
    });
    expect(noInstance.changes).toEqual([]);
  });

  it('is 404 for a site the tenant does not have', async () => {
    const { service } = setUp([null]);
    await expect(service.check(buildCaller(), 'tenant-x', 'site-x')).rejects.toMatchObject({
      code: 'SITE_NOT_FOUND',
    });
  });
});
