import { uniqueSubdomain } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('concurrent site creation', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  it('gives one subdomain to exactly one of two tenants creating it at once', async () => {
    const first = await fx.tenantWithInstance();
    const second = await fx.tenantWithInstance();
    const subdomain = uniqueSubdomain();
    const responses = await Promise.all(
      [first, second].map(({ collection }) =>
        fx.call('POST', collection, fx.admin.token, { siteName: 'Race', subdomain }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([202, 409]);
    const winner = responses.find((response) => response.status === 202)!;
    const loser = responses.find((response) => response.status === 409)!;
    expect(loser.body.error).toMatchObject({ code: 'SUBDOMAIN_TAKEN', details: { subdomain } });
    expect(await fx.sites.subdomainHolder(subdomain)).toEqual({
      tenantId: winner.body.tenantId,
      siteId: winner.body.resourceId,
    });
    const stored = [...(await fx.storedSites(first.tenantId)), ...(await fx.storedSites(second.tenantId))];
    expect(stored.map((site) => site.siteId)).toEqual([winner.body.resourceId]);
  });

  it('accepts exactly one of 10 parallel creates when one site is left in the quota', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance({ tier: 'STANDARD' });
    for (let i = 0; i < 4; i += 1) {
      const response = await fx.call('POST', collection, fx.admin.token, {
        siteName: `S${i}`,
        subdomain: uniqueSubdomain(),
      });
      expect(response.status).toBe(202);
    }
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fx.call('POST', collection, fx.admin.token, { siteName: `Last ${i}`, subdomain: uniqueSubdomain() }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 202);
    const refused = responses.filter((response) => response.status !== 202);
    expect(accepted).toHaveLength(1);
    for (const response of refused) {
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { quota: 5 } });
    }
    expect(await fx.storedSites(tenantId)).toHaveLength(5);
    expect(await fx.sites.countLive(tenantId, 'DEV')).toBe(5);
  });
});
