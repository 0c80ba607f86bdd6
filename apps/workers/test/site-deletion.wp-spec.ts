import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { instanceKeys, RulePriorityDao } from '@bbws/data-access-instances';
import { createComputeAdapter } from '@bbws/integrations-compute';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import type { Site } from '@bbws/data-access-sites';
import { eventually } from '@bbws/testing-engines';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { SiteHostRouter } from '../src/sites/site-host.router';
import { seedSettingsPlugin, seedTemplate } from './site-creation.seed';
import { startSiteWorld, type SiteWorld } from './site-update.fixture';
import { startReceiver, type Receiver } from './workers-app.fixture';

jest.setTimeout(300_000);

/**
 * SITE_DELETION on a real PROD instance of the local cloud: the soft delete (and the undelete), the purge
 * task once purgeAfter has passed, and the forced delete with everything it removes.
 */
describe('workers: site deletion on a real WordPress instance (PROD, local cloud)', () => {
  let world: SiteWorld;
  let receiver: Receiver | undefined;

  beforeAll(async () => {
    world = await startSiteWorld('PROD', 'site-update,site-deletion,site-purge,webhooks', {
      SITE_PURGE_INTERVAL_MS: '300',
    });
  }, 15 * 60_000);
  afterAll(async () => {
    await receiver?.close();
    await world?.close();
  });

  /** DELETE as the API launches it: the site DEPROVISIONING in the launch transaction. */
  function deleteSite(site: Site, force: boolean): Promise<Operation> {
    return world.run(
      site,
      MESSAGES.SITE_DELETION,
      { siteId: site.siteId, force },
      {
        extra: world.sites.changeWrites(site, {
          expectedVersion: site.version,
          expectedStatuses: ['ACTIVE', 'SUSPENDED', 'FAILED'],
          changes: { status: 'DEPROVISIONING' },
        }),
      },
    );
  }

  const blogsAt = async (site: Site) =>
    (
      await world.sql(
        `SELECT blog_id, deleted FROM wp_blogs WHERE domain = '${new URL(site.siteUrl).hostname}'`,
      )
    )
      .split('\n')
      .filter(Boolean);

  const routedHosts = async () => {
    const compute = createComputeAdapter(world.cloud.compute);
    const { listenerArn, targetGroupArn } = world.instance.resources;
    const rules = await compute.listHostRules({
      environment: 'PROD',
      listenerArn,
      targetGroupArn: targetGroupArn!,
    });
    return rules.flatMap((rule) => rule.hosts);
  };

  const priorityGuard = async (priority: number) =>
    (
      await world.db.client.send(
        new GetCommand({
          TableName: world.db.tables.instances,
          Key: instanceKeys.priorityGuard('PROD', priority),
        }),
      )
    ).Item;

  /** Fills the instance's rules with other hosts, so that the next site's host gets a rule of its own. */
  async function fillHostRules() {
    const router = new SiteHostRouter(
      createComputeAdapter(world.cloud.compute),
      new RulePriorityDao(world.db),
    );
    const route = () => router.route(world.instance, `${uniqueSubdomain()}.prod.localhost`);
    let change = await route();
    while (change.action !== 'created') change = await route();
    for (let i = 1; i < 5; i++) await route();
  }

  const backupsOf = async (site: Site) =>
    (await world.backups.listBySite(site.siteId, { pageSize: 50 })).items;

  it('soft-deletes a PROD site: backed up, blog deactivated, purge in 24 h; restoring it brings it back', async () => {
    const site = await world.activeSite();
    const deleted = await deleteSite(site, false);

    expect(deleted).toMatchObject({
      status: 'COMPLETED',
      result: { softDeleted: true, purgeAfter: expect.any(String), backupId: expect.stringMatching(/^bkp-/) },
    });
    const purgeAfter = Date.parse(deleted.result!.purgeAfter as string);
    expect(purgeAfter - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(purgeAfter - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(deleted.message).toContain(deleted.result!.purgeAfter);
    expect(await world.reload(site)).toMatchObject({
      status: 'DEPROVISIONING',
      purgeAfter: deleted.result!.purgeAfter,
    });
    expect(await backupsOf(site)).toEqual([
      expect.objectContaining({
        backupId: deleted.result!.backupId,
        reason: 'PRE_DELETE',
        status: 'COMPLETED',
      }),
    ]);
    expect(await blogsAt(site)).toEqual([`${site.wpSiteId}\t1`]);
    expect((await world.visit(site)).status).toBe(410);
    expect(await routedHosts()).toContain(new URL(site.siteUrl).hostname);

    const undeleted = await world.run(site, MESSAGES.SITE_STATUS_CHANGE, {
      siteId: site.siteId,
      status: 'ACTIVE',
    });
    expect(undeleted).toMatchObject({ status: 'COMPLETED', result: { previousStatus: 'DEPROVISIONING' } });
    expect(await world.reload(site)).toMatchObject({ status: 'ACTIVE', purgeAfter: null });
    expect(await blogsAt(site)).toEqual([`${site.wpSiteId}\t0`]);
    expect((await world.visit(site)).status).toBe(200);
  });

  it('purges a soft-deleted site once its purgeAfter has passed (the purge task), keeping its backup', async () => {
    const site = await world.activeSite();
    const softDeleted = await deleteSite(site, false);
    expect(softDeleted.status).toBe('COMPLETED');
    const waiting = await world.reload(site);
    // Not due yet: the purge task leaves it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await world.reload(site)).toEqual(waiting);

    // A day later.
    await world.sites.change(waiting, {
      expectedVersion: waiting.version,
      changes: { purgeAfter: new Date(Date.now() - 60_000).toISOString() },
    });
    const purged = await eventually(async () => {
      const current = await world.reload(site);
      return current.status === 'DELETED' ? current : undefined;
    }, 60_000);
    expect(purged.purgeAfter).not.toBeNull();
    expect(await blogsAt(site)).toEqual([]);
    expect(await routedHosts()).not.toContain(new URL(site.siteUrl).hostname);
    expect(await world.sites.subdomainHolder(site.subdomain)).toBeNull();
    // The soft delete's backup is the one kept: the purge takes none of a deactivated blog.
    expect(await backupsOf(site)).toEqual([
      expect.objectContaining({ backupId: softDeleted.result!.backupId, reason: 'PRE_DELETE' }),
    ]);
  });

  it('deletes at once with force: blog, host, plugin and template counts, subdomain freed, site.deleted, backup kept', async () => {
    const template = await seedTemplate(world.templates, world.artifacts);
    const plugin = await seedSettingsPlugin(world.catalogue, world.artifacts);
    await fillHostRules();
    const site = await world.activeSite({ templateId: template.templateId, plugins: [plugin.pluginId] });
    expect((await world.templates.get(template.templateId))!.usageCount).toBe(1);
    expect((await world.catalogue.get(plugin.pluginId))!.installCount).toBe(1);
    const host = new URL(site.siteUrl).hostname;
    expect(await routedHosts()).toContain(host);
    const webhook = await startReceiver();
    receiver = webhook;
    await world.fx.seedWebhook(site.tenantId, webhook.url, ['site.deleted']);

    const live = await world.sites.countLive(site.tenantId, 'PROD');
    const deleted = await deleteSite(site, true);
    expect(deleted).toMatchObject({
      status: 'COMPLETED',
      result: { deleted: true, backupId: expect.any(String) },
    });
    expect(await world.reload(site)).toMatchObject({ status: 'DELETED' });
    expect(await blogsAt(site)).toEqual([]);
    expect(await routedHosts()).not.toContain(host);
    // The site's host had a rule of its own: the rule is deleted and its reserved priority released.
    const removal = deleted.steps.find((step) => step.name === 'remove-host')?.output;
    expect(removal).toMatchObject({ action: 'deleted', priority: expect.any(Number) });
    expect(await priorityGuard(removal!.priority as number)).toBeUndefined();
    expect(await world.installed.get(site.siteId, plugin.pluginId)).toBeNull();
    expect((await world.catalogue.get(plugin.pluginId))!.installCount).toBe(0);
    expect((await world.templates.get(template.templateId))!.usageCount).toBe(0);
    expect(await world.sites.subdomainHolder(site.subdomain)).toBeNull();
    expect(await world.sites.countLive(site.tenantId, 'PROD')).toBe(live - 1);
    const [backup] = await backupsOf(site);
    expect(backup).toMatchObject({
      backupId: deleted.result!.backupId,
      reason: 'PRE_DELETE',
      status: 'COMPLETED',
    });
    expect(await world.artifacts.head(backup.artifactKey!)).toBeDefined();
    const [event] = await eventually(async () => {
      const seen = webhook.requests.filter((request) => request.body.includes(site.siteId));
      return seen.length ? seen : undefined;
    }, 30_000);
    expect(JSON.parse(event.body)).toMatchObject({
      type: 'site.deleted',
      data: { siteId: site.siteId, status: 'DELETED', backupId: backup.backupId },
    });

    // Delivered again (a new operation): nothing more is removed or counted.
    const again = await world.run(site, MESSAGES.SITE_DELETION, { siteId: site.siteId, force: true });
    expect(again).toMatchObject({ status: 'COMPLETED', error: null });
    expect((await world.catalogue.get(plugin.pluginId))!.installCount).toBe(0);
    expect((await world.templates.get(template.templateId))!.usageCount).toBe(0);
    expect(await backupsOf(site)).toHaveLength(1);
  });

  it('deletes a site whose blog is already gone from WordPress: nothing to back up, the delete is fine', async () => {
    const subdomain = uniqueSubdomain();
    const site = buildSite({
      tenantId: world.instance.tenantId,
      instanceId: world.instance.instanceId,
      environment: 'PROD',
      subdomain,
      siteUrl: `http://${subdomain}.prod.localhost:${new URL(world.albUrl).port}`,
      status: 'ACTIVE',
      wpSiteId: 99_999,
    });
    await world.sites.create(site, 100);

    const deleted = await deleteSite(site, true);
    expect(deleted).toMatchObject({ status: 'COMPLETED', result: { deleted: true, backupId: null } });
    expect(deleted.steps.find((step) => step.name === 'delete-blog')?.output).toMatchObject({
      alreadyGone: true,
    });
    expect(await world.reload(site)).toMatchObject({ status: 'DELETED' });
    expect(await world.sites.subdomainHolder(subdomain)).toBeNull();
    expect((await backupsOf(site)).filter((backup) => backup.status === 'COMPLETED')).toEqual([]);
  });
});
