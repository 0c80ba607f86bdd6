import type { Site } from '@bbws/data-access-sites';
import type { TestUser } from '@bbws/testing-e2e';
import { SitesFixture } from './sites-api.fixture';

/** The links every live site carries, whoever reads it. */
const READ_LINKS = ['backups', 'collection', 'health', 'instance', 'plugins', 'self', 'status', 'tenant'];

describe('site _links by role and state', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  async function tenantWith(environment: 'DEV' | 'SIT' | 'PROD') {
    const tenant = await fx.tenant();
    const instance = await fx.instance(tenant.tenantId, { environment });
    const roles = {
      ADMIN: await fx.member(tenant.tenantId, 'ADMIN'),
      OPERATOR: await fx.member(tenant.tenantId, 'OPERATOR'),
      VIEWER: await fx.member(tenant.tenantId, 'VIEWER'),
    };
    return { tenantId: tenant.tenantId, instance, roles };
  }

  async function actionLinks(site: Site, user: TestUser | undefined = fx.admin): Promise<string[]> {
    const response = await fx.call('GET', `/v1.0/tenants/${site.tenantId}/sites/${site.siteId}`, user?.token);
    expect(response.status).toBe(200);
    return Object.keys(response.body._links)
      .filter((rel) => !READ_LINKS.includes(rel))
      .sort();
  }

  it('offers an ACTIVE DEV site’s actions by role, with methods and the promotion target', async () => {
    const { tenantId, instance, roles } = await tenantWith('DEV');
    const site = await fx.storedSite(tenantId, instance);
    const url = `/v1.0/tenants/${tenantId}/sites/${site.siteId}`;
    expect(await actionLinks(site, roles.ADMIN)).toEqual([
      'applyTemplate',
      'clone',
      'createBackup',
      'delete',
      'promote',
      'suspend',
      'update',
    ]);
    expect(await actionLinks(site, roles.OPERATOR)).toEqual(['applyTemplate', 'clone', 'update']);
    expect(await actionLinks(site, roles.VIEWER)).toEqual([]);
    const { body } = await fx.call('GET', url, roles.ADMIN.token);
    expect(body._links).toMatchObject({
      plugins: { href: `${url}/plugins` },
      health: { href: `${url}/health` },
      backups: { href: `${url}/backups` },
      update: { href: url, method: 'PATCH' },
      delete: { href: url, method: 'DELETE' },
      suspend: { href: `${url}/status`, method: 'PUT' },
      clone: { href: `${url}/clone`, method: 'POST' },
      promote: { href: `${url}/promote`, method: 'POST', targetEnvironment: 'SIT' },
      applyTemplate: { href: `${url}/apply-template`, method: 'POST' },
      createBackup: { href: `${url}/backups`, method: 'POST' },
    });
    // The list shows each site with the same links.
    const list = await fx.call('GET', `/v1.0/tenants/${tenantId}/sites`, roles.OPERATOR.token);
    expect(Object.keys(list.body.items[0]._links).sort()).toEqual(
      [...READ_LINKS, 'applyTemplate', 'clone', 'update'].sort(),
    );
  });

  it('follows the state: SUSPENDED, FAILED, PROVISIONING, DELETED', async () => {
    const { tenantId, instance, roles } = await tenantWith('DEV');
    const suspended = await fx.storedSite(tenantId, instance, { status: 'SUSPENDED' });
    expect(await actionLinks(suspended, roles.ADMIN)).toEqual(['createBackup', 'delete', 'resume']);
    expect(await actionLinks(suspended, roles.OPERATOR)).toEqual([]);
    const failed = await fx.storedSite(tenantId, instance, { status: 'FAILED' });
    expect(await actionLinks(failed, roles.ADMIN)).toEqual(['delete']);
    const provisioning = await fx.storedSite(tenantId, instance, { status: 'PROVISIONING' });
    expect(await actionLinks(provisioning, roles.ADMIN)).toEqual([]);
    const deleted = await fx.storedSite(tenantId, instance, { status: 'DELETED' });
    const { body } = await fx.call(
      'GET',
      `/v1.0/tenants/${tenantId}/sites/${deleted.siteId}`,
      roles.ADMIN.token,
    );
    expect(Object.keys(body._links).sort()).toEqual([
      'backups',
      'collection',
      'instance',
      'self',
      'status',
      'tenant',
    ]);
  });

  it('locks PROD content for members (platform admins excepted) and offers undelete during a soft delete', async () => {
    const { tenantId, instance, roles } = await tenantWith('PROD');
    const site = await fx.storedSite(tenantId, instance);
    expect(await actionLinks(site, roles.ADMIN)).toEqual(['clone', 'createBackup', 'delete', 'suspend']);
    expect(await actionLinks(site, roles.OPERATOR)).toEqual(['clone']);
    expect(await actionLinks(site, fx.admin)).toEqual([
      'applyTemplate',
      'clone',
      'createBackup',
      'delete',
      'suspend',
      'update',
    ]);
    const soft = await fx.storedSite(tenantId, instance, {
      status: 'DEPROVISIONING',
      purgeAfter: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(await actionLinks(soft, roles.ADMIN)).toEqual(['undelete']);
    expect(await actionLinks(soft, roles.OPERATOR)).toEqual([]);
    const purged = await fx.storedSite(tenantId, instance, {
      status: 'DEPROVISIONING',
      purgeAfter: new Date(Date.now() - 1000).toISOString(),
    });
    expect(await actionLinks(purged, roles.ADMIN)).toEqual([]);
  });

  it('promotes SIT to PROD, and offers no action but the operation while one runs', async () => {
    const { tenantId, instance, roles } = await tenantWith('SIT');
    const site = await fx.storedSite(tenantId, instance);
    const url = `/v1.0/tenants/${tenantId}/sites/${site.siteId}`;
    expect((await fx.call('GET', url, roles.ADMIN.token)).body._links.promote).toEqual({
      href: `${url}/promote`,
      method: 'POST',
      targetEnvironment: 'PROD',
    });
    const running = await fx.call('PATCH', url, roles.OPERATOR.token, { siteName: 'Busy' });
    expect(running.status).toBe(202);
    expect(await actionLinks(site, roles.ADMIN)).toEqual(['operation']);
    expect((await fx.call('GET', url, roles.VIEWER.token)).body._links.operation).toEqual({
      href: `/v1.0/operations/${running.body.operationId}`,
    });
  });
});
