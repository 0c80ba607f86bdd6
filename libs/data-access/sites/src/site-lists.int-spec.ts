import { ValidationError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { SiteDao } from './site.dao';

const db = testDynamoContext();
const dao = new SiteDao(db);

/** Every site of one fleet list (other suites add to the same fleet partitions), page by page. */
async function wholeFleet(environment: 'PROD', status: 'FAILED' | 'PROVISIONING') {
  const sites = [];
  let startAt: string | undefined;
  do {
    const page = await dao.listFleet(environment, status, { pageSize: 100, ...(startAt ? { startAt } : {}) });
    sites.push(...page.items);
    startAt = page.nextStartAt ?? undefined;
  } while (startAt);
  return sites;
}

async function createAll(sites: ReturnType<typeof buildSite>[]) {
  for (const site of sites) await dao.create(site, 100);
}

describe('SiteDao lists against DynamoDB Local', () => {
  it('lists a tenant’s sites page by page, in id order, without the tenant’s other items', async () => {
    const tenantId = newId('tenant');
    const sites = Array.from({ length: 5 }, () => buildSite({ tenantId }));
    await createAll(sites);
    await createAll([buildSite()]);
    const ids = sites.map((s) => s.siteId).sort();

    const first = await dao.listByTenant(tenantId, {}, { pageSize: 2 });
    expect(first.items.map((s) => s.siteId)).toEqual(ids.slice(0, 2));
    const second = await dao.listByTenant(tenantId, {}, { pageSize: 2, startAt: first.nextStartAt! });
    expect(second.items.map((s) => s.siteId)).toEqual(ids.slice(2, 4));
    const last = await dao.listByTenant(tenantId, {}, { pageSize: 2, startAt: second.nextStartAt! });
    expect(last.items.map((s) => s.siteId)).toEqual(ids.slice(4));
    expect(last.nextStartAt).toBeNull();
    const exact = await dao.listByTenant(tenantId, {}, { pageSize: 5 });
    expect(exact.items).toHaveLength(5);
    expect(exact.nextStartAt).toBeNull();
  });

  it('filters by environment and status, filling pages across filtered reads', async () => {
    const tenantId = newId('tenant');
    const dev = Array.from({ length: 3 }, () => buildSite({ tenantId }));
    const sit = Array.from({ length: 3 }, () => buildSite({ tenantId, environment: 'SIT' }));
    await createAll([...dev, ...sit]);
    const active = await dao.change(sit[0], { expectedVersion: 1, changes: { status: 'ACTIVE' } });

    const sitPage = await dao.listByTenant(tenantId, { environment: 'SIT' }, { pageSize: 2 });
    expect(sitPage.items).toHaveLength(2);
    expect(sitPage.items.every((s) => s.environment === 'SIT')).toBe(true);
    const sitRest = await dao.listByTenant(
      tenantId,
      { environment: 'SIT' },
      { pageSize: 2, startAt: sitPage.nextStartAt! },
    );
    expect([...sitPage.items, ...sitRest.items].map((s) => s.siteId).sort()).toEqual(
      sit.map((s) => s.siteId).sort(),
    );
    expect(sitRest.nextStartAt).toBeNull();

    const both = await dao.listByTenant(tenantId, { environment: 'SIT', status: 'ACTIVE' }, { pageSize: 10 });
    expect(both.items).toEqual([active]);
    expect(
      (await dao.listByTenant(tenantId, { status: 'PROVISIONING' }, { pageSize: 10 })).items,
    ).toHaveLength(5);
  });

  it('refuses a cursor of another list', async () => {
    const tenantId = newId('tenant');
    await createAll([buildSite({ tenantId }), buildSite({ tenantId })]);
    const page = await dao.listByTenant(tenantId, {}, { pageSize: 1 });
    await expect(
      dao.listByTenant(tenantId, { environment: 'DEV' }, { pageSize: 1, startAt: page.nextStartAt! }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists the sites of an instance and one environment’s fleet by status', async () => {
    const instanceId = newId('inst');
    const mine = [buildSite({ instanceId }), buildSite({ instanceId })];
    const prod = buildSite({ environment: 'PROD' });
    await createAll([...mine, buildSite(), prod]);

    const onInstance = await dao.listByInstance(instanceId, { pageSize: 10 });
    expect(onInstance.items.map((s) => s.siteId).sort()).toEqual(mine.map((s) => s.siteId).sort());

    const failed = await dao.change(prod, { expectedVersion: 1, changes: { status: 'FAILED' } });
    expect(await wholeFleet('PROD', 'FAILED')).toContainEqual(failed);
    expect((await wholeFleet('PROD', 'PROVISIONING')).map((s) => s.siteId)).not.toContain(prod.siteId);
  });
});
