import { SiteDao, type Site } from '@bbws/data-access-sites';
import { MESSAGES } from '@bbws/shared-contracts';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { SITE_PURGE_ACTOR, SitePurgeTask } from '../src/site-deletion/site-purge.task';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

jest.setTimeout(60_000);

/** The purge task against DynamoDB Local and local SQS: which soft-deleted PROD sites it purges. */
describe('workers: the purge of soft-deleted PROD sites (a periodic task)', () => {
  let fx: WorkersAppFixture;
  const db = testDynamoContext();
  const sites = new SiteDao(db);
  const logger = createLogger({ name: 'site-purge-test', level: 'silent' });
  const task = (dao: Pick<SiteDao, 'listFleet' | 'changeWrites'> = sites) =>
    new SitePurgeTask(dao, fx.launcher, systemClock, logger, { intervalMs: 1_000, batchSize: 100 });
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  beforeAll(async () => {
    fx = await startWorkersApp();
  });
  afterAll(() => fx?.close());

  async function seed(overrides: Partial<Site>): Promise<Site> {
    const site = buildSite({ environment: 'PROD', status: 'DEPROVISIONING', wpSiteId: 7, ...overrides });
    await sites.create(site, 5);
    return site;
  }

  it('launches SITE_DELETION with force for the sites whose purgeAfter has passed, and only those', async () => {
    const due = await seed({ purgeAfter: hoursFromNow(-1) });
    const waiting = await seed({ purgeAfter: hoursFromNow(23) });
    const deleting = await seed({ purgeAfter: null });
    const active = await seed({ status: 'ACTIVE', purgeAfter: hoursFromNow(-1) });

    const { launched } = await task().run();
    expect(launched).toContain(due.siteId);
    for (const left of [waiting, deleting, active]) {
      expect(launched).not.toContain(left.siteId);
      expect(await fx.operations.activeOperationId(left.siteId)).toBeNull();
    }
    const operation = await fx.operations.get((await fx.operations.activeOperationId(due.siteId))!);
    expect(operation).toMatchObject({
      type: 'SITE_DELETION',
      tenantId: due.tenantId,
      resourceId: due.siteId,
      createdBy: SITE_PURGE_ACTOR,
      dispatch: { message: { payload: { siteId: due.siteId, force: true } } },
    });
    // The launch is conditioned on the site as read: its version moved with it.
    expect((await sites.get(due.tenantId, due.siteId))!.version).toBe(due.version + 1);

    // The next round finds the due site locked by its purge: nothing is launched twice.
    const next = await task().run();
    expect(next.launched).not.toContain(due.siteId);
  });

  it('leaves a site with another operation running, and one restored since it was read', async () => {
    const busy = await seed({ purgeAfter: hoursFromNow(-2) });
    const running = await fx.launcher.launch({
      contract: MESSAGES.SITE_STATUS_CHANGE,
      tenantId: busy.tenantId,
      resourceType: 'site',
      resourceId: busy.siteId,
      createdBy: 'user-1',
      correlationId: newId('evt'),
      payload: { siteId: busy.siteId, status: 'ACTIVE' },
    });
    const restored = await seed({ purgeAfter: hoursFromNow(-2) });
    const stale = (await sites.listFleet('PROD', 'DEPROVISIONING', { pageSize: 100 })).items;
    await sites.change(restored, {
      expectedVersion: restored.version,
      changes: { status: 'ACTIVE', purgeAfter: null },
    });
    // A task that read the fleet before the restore.
    const staleRead = {
      listFleet: async () => ({ items: stale, nextStartAt: null }),
      changeWrites: sites.changeWrites.bind(sites),
    };

    const { launched } = await task(staleRead).run();
    expect(launched).not.toContain(busy.siteId);
    expect(launched).not.toContain(restored.siteId);
    expect(await fx.operations.activeOperationId(busy.siteId)).toBe(running.operationId);
    expect(await fx.operations.activeOperationId(restored.siteId)).toBeNull();
    expect(await sites.get(restored.tenantId, restored.siteId)).toMatchObject({
      status: 'ACTIVE',
      version: restored.version + 1,
    });
  });
});
