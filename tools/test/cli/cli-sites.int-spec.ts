import { buildPluginVersion } from '@bbws/testing-factories';
import { CliSitesFixture, EXIT } from './cli-sites.fixture';

jest.setTimeout(60_000);

describe('bbws sites', () => {
  let fx: CliSitesFixture;
  beforeAll(async () => {
    fx = await CliSitesFixture.start();
  });
  afterAll(() => fx?.close());

  /** A tenant with an ACTIVE DEV instance, an ACTIVE site on it and an ADMIN. */
  async function siteOfAdmin() {
    const { tenantId, token } = await fx.tenantWithMember('ADMIN');
    const instance = await fx.instance(tenantId);
    const site = await fx.site(instance, { siteName: 'Coastal Bakery', wpSiteId: 2 });
    return { tenantId, token, instance, site };
  }

  describe('reading', () => {
    it('lists, shows and reports the status of sites as tables, the API JSON or ids', async () => {
      const { tenantId, token, instance, site } = await siteOfAdmin();
      const other = await fx.site(instance, { siteName: 'Second', status: 'SUSPENDED' });

      const table = await fx.bbws(token, 'sites', 'list', tenantId);
      expect(table.code).toBe(EXIT.OK);
      expect(table.stdout).toMatch(/siteId.*siteName.*environment.*status.*siteUrl/);
      expect(table.stdout).toContain(site.siteUrl);
      expect(await fx.json(token, 'sites', 'list', tenantId)).toEqual(
        (await fx.apiGet(token, `/v1.0/tenants/${tenantId}/sites`)).items,
      );
      const suspended = await fx.bbws(token, '-q', 'sites', 'list', tenantId, '--status', 'SUSPENDED');
      expect(suspended.stdout).toBe(`${other.siteId}\n`);

      const shown = await fx.bbws(token, 'sites', 'get', tenantId, site.siteId);
      expect(shown.stdout).toMatch(new RegExp(`^siteName +Coastal Bakery$`, 'm'));
      expect(shown.stdout).toMatch(new RegExp(`^instanceId +${instance.instanceId}$`, 'm'));
      expect(await fx.json(token, 'sites', 'get', tenantId, site.siteId)).toEqual(
        await fx.apiGet(token, `/v1.0/tenants/${tenantId}/sites/${site.siteId}`),
      );
      const status = await fx.json(token, 'sites', 'status', tenantId, site.siteId);
      expect(status).toMatchObject({ siteId: site.siteId, status: 'ACTIVE', operation: null });
      expect((await fx.bbws(token, 'sites', 'status', tenantId, site.siteId)).stdout).toMatch(
        /^status +ACTIVE$/m,
      );
    });

    it('reports health: the summary and a table of checks (UNKNOWN for a site that is not ACTIVE)', async () => {
      const { tenantId, token, instance } = await siteOfAdmin();
      const suspended = await fx.site(instance, { status: 'SUSPENDED', wpSiteId: 3 });
      const run = await fx.bbws(token, 'sites', 'health', tenantId, suspended.siteId);
      expect(run.code).toBe(EXIT.OK);
      expect(run.stdout).toMatch(/^status +UNKNOWN$/m);
      expect(run.stdout).toMatch(
        /site_status +│ WARN +│ The site is SUSPENDED; its health is checked while it is ACTIVE/,
      );
      const json = await fx.json(token, 'sites', 'health', tenantId, suspended.siteId);
      expect(json).toMatchObject({ status: 'UNKNOWN', checks: [{ name: 'site_status', status: 'WARN' }] });
      expect((await fx.bbws(token, '-q', 'sites', 'health', tenantId, suspended.siteId)).stdout).toBe(
        'UNKNOWN\n',
      );
    });

    it("exits 4 for another tenant's site, on reads and before any write", async () => {
      const { tenantId, site } = await siteOfAdmin();
      const outsider = await fx.tenantWithMember('ADMIN');
      for (const argv of [
        ['sites', 'get', tenantId, site.siteId],
        ['sites', 'update', tenantId, site.siteId, '--set', 'tagline=Mine now'],
        ['sites', 'delete', tenantId, site.siteId],
        ['plugins', 'installed', tenantId, site.siteId],
      ]) {
        const run = await fx.bbws(outsider.token, ...argv);
        expect([argv.slice(0, 2).join(' '), run.code]).toEqual([argv.slice(0, 2).join(' '), EXIT.NOT_FOUND]);
        expect(run.stderr).toMatch(/^bbws: 404 /);
      }
      expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
    });

    it('lists backups newest first; a restore of an unfinished backup is refused (6)', async () => {
      const { tenantId, token, site } = await siteOfAdmin();
      const older = await fx.backup(site, {
        status: 'COMPLETED',
        createdAt: '2026-01-01T00:00:00.000Z',
        sizeBytes: 2048,
      });
      const running = await fx.backup(site, { createdAt: '2026-01-02T00:00:00.000Z' });
      const listed = await fx.json(token, 'sites', 'backups', tenantId, site.siteId);
      expect(listed.map((backup: { backupId: string }) => backup.backupId)).toEqual([
        running.backupId,
        older.backupId,
      ]);
      expect((await fx.bbws(token, 'sites', 'backups', tenantId, site.siteId)).stdout).toMatch(
        new RegExp(`${older.backupId} +│ MANUAL +│ COMPLETED +│ 2048`),
      );

      const refused = await fx.bbws(token, 'sites', 'restore', tenantId, site.siteId, running.backupId);
      expect(refused.code).toBe(EXIT.INVALID);
      expect(refused.stderr).toContain('422 BACKUP_NOT_RESTORABLE');
      const foreign = await siteOfAdmin();
      const elsewhere = await fx.bbws(
        token,
        'sites',
        'restore',
        tenantId,
        site.siteId,
        (await fx.backup(foreign.site)).backupId,
      );
      expect(elsewhere.code).toBe(EXIT.NOT_FOUND);
    });
  });

  describe('creating', () => {
    it('starts SITE_CREATION: the operation, its id with -q, the same one again for the same --idempotency-key', async () => {
      const { tenantId, token } = await siteOfAdmin();
      const template = await fx.template();
      const plugin = await fx.plugin();
      const subdomain = fx.uniqueWord('bakery');
      const argv = ['sites', 'create', tenantId, '--name', 'Bakery', '--subdomain', subdomain];
      const more = ['--template', template.templateId, '--plugin', plugin.pluginId];

      const started = await fx.bbws(token, ...argv, ...more, '--idempotency-key', `${subdomain}-1`);
      expect(started.code).toBe(EXIT.OK);
      expect(started.stdout).toMatch(/^type +SITE_CREATION$/m);
      expect(started.stdout).toMatch(/^status +PENDING$/m);
      expect(started.stderr).toMatch(/^follow it: bbws operations watch op-/m);
      const operationId = /^operationId +(\S+)$/m.exec(started.stdout)?.[1];

      const replayed = await fx.bbws(token, '-q', ...argv, ...more, '--idempotency-key', `${subdomain}-1`);
      expect(replayed).toMatchObject({ code: EXIT.OK, stdout: `${operationId}\n`, stderr: '' });
      const sites = await fx.json(token, 'sites', 'list', tenantId, '--status', 'PROVISIONING');
      expect(sites).toEqual([
        expect.objectContaining({ subdomain, siteName: 'Bakery', templateId: template.templateId }),
      ]);

      const taken = await fx.bbws(token, ...argv);
      expect(taken.code).toBe(EXIT.CONFLICT);
      expect(taken.stderr).toContain('409 SUBDOMAIN_TAKEN');
    });

    it("exits 6 with the API's message for a bad or reserved subdomain, and (422) without an ACTIVE instance", async () => {
      const { tenantId, token } = await siteOfAdmin();
      const bad = await fx.bbws(
        token,
        'sites',
        'create',
        tenantId,
        '--name',
        'Bakery',
        '--subdomain',
        'Bad_Sub!',
      );
      expect(bad.code).toBe(EXIT.INVALID);
      expect(bad.stderr).toMatch(/^bbws: 400 VALIDATION_ERROR: .*/);
      expect(bad.stderr).toContain('subdomain');
      const reserved = await fx.bbws(
        token,
        '--json',
        'sites',
        'create',
        tenantId,
        '--name',
        'A',
        '--subdomain',
        'admin',
      );
      expect(reserved.code).toBe(EXIT.INVALID);
      expect(JSON.parse(reserved.stderr)).toMatchObject({ error: { status: 400, code: 'VALIDATION_ERROR' } });

      const bare = await fx.tenantWithMember('ADMIN');
      const argv = ['--name', 'Bakery', '--subdomain', fx.uniqueWord('bare'), '--wait'];
      const notReady = await fx.bbws(bare.token, 'sites', 'create', bare.tenantId, ...argv);
      expect(notReady.code).toBe(EXIT.INVALID);
      expect(notReady.stderr).toContain('422 INSTANCE_NOT_READY: The tenant has no ACTIVE instance in DEV');
      const parked = await fx.instance(bare.tenantId, { environment: 'SIT', status: 'PARKED' });
      const stillNotReady = await fx.bbws(
        bare.token,
        'sites',
        'create',
        bare.tenantId,
        '--env',
        parked.environment,
        ...argv,
      );
      expect(stillNotReady.code).toBe(EXIT.INVALID);
      expect(await fx.json(bare.token, 'sites', 'list', bare.tenantId)).toEqual([]);
    });
  });

  describe('changing', () => {
    it('updates settings with --set (If-Match from a fresh read), refusing unknown keys (6) and empty updates (2)', async () => {
      const { tenantId, token, site } = await siteOfAdmin();
      const run = await fx.bbws(
        token,
        '-q',
        'sites',
        'update',
        tenantId,
        site.siteId,
        '--set',
        'tagline=Fresh bread',
      );
      expect(run.code).toBe(EXIT.OK);
      const operation = await fx.apiGet(token, `/v1.0/operations/${run.stdout.trim()}`);
      expect(operation).toMatchObject({ type: 'SITE_UPDATE', resourceId: site.siteId });
      expect((await fx.sites.get(tenantId, site.siteId))?.version).toBe(site.version + 1);

      const busy = await fx.bbws(token, 'sites', 'suspend', tenantId, site.siteId, '--reason', 'Unpaid');
      expect(busy.code).toBe(EXIT.CONFLICT);
      expect(busy.stderr).toContain('409 OPERATION_IN_PROGRESS');

      const other = await siteOfAdmin();
      const unknown = await fx.bbws(
        other.token,
        'sites',
        'update',
        other.tenantId,
        other.site.siteId,
        '--set',
        'colour=red',
      );
      expect(unknown.code).toBe(EXIT.INVALID);
      const empty = await fx.bbws(other.token, 'sites', 'update', other.tenantId, other.site.siteId);
      expect(empty.code).toBe(EXIT.USAGE);
      expect(empty.stderr).toContain('nothing to change');
    });

    it('refuses state moves the API refuses: resume of an ACTIVE site, promote DEV → PROD, retry of an ACTIVE site', async () => {
      const { tenantId, token, site } = await siteOfAdmin();
      const cases: [string[], string][] = [
        [['sites', 'resume', tenantId, site.siteId], '422 INVALID_STATUS_TRANSITION'],
        [['sites', 'promote', tenantId, site.siteId, '--to', 'PROD'], '422 INVALID_PROMOTION_PATH'],
        [['sites', 'retry', tenantId, site.siteId], '422 '],
      ];
      for (const [argv, message] of cases) {
        const run = await fx.bbws(token, ...argv);
        expect([argv[1], run.code]).toEqual([argv[1], EXIT.INVALID]);
        expect(run.stderr).toContain(message);
      }
      expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
    });

    it('suspends with --reason and deletes; a stale --if-match is 5 and changes nothing', async () => {
      const { tenantId, token, site } = await siteOfAdmin();
      const stale = await fx.bbws(
        token,
        'sites',
        'delete',
        tenantId,
        site.siteId,
        '--if-match',
        String(site.version + 5),
      );
      expect(stale.code).toBe(EXIT.CONFLICT);
      expect(stale.stderr).toContain('412 ');
      expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);

      const suspended = await fx.json(token, 'sites', 'suspend', tenantId, site.siteId, '--reason', 'Unpaid');
      expect(suspended).toMatchObject({
        type: 'SITE_STATUS_CHANGE',
        resourceId: site.siteId,
        status: 'PENDING',
      });

      const second = await siteOfAdmin();
      const deleted = await fx.json(second.token, 'sites', 'delete', second.tenantId, second.site.siteId);
      expect(deleted).toMatchObject({ type: 'SITE_DELETION', resourceId: second.site.siteId });
      expect(await fx.sites.get(second.tenantId, second.site.siteId)).toMatchObject({
        status: 'DEPROVISIONING',
      });
    });

    it('clones to a new PROVISIONING site and starts a backup', async () => {
      const { tenantId, token, site } = await siteOfAdmin();
      const subdomain = fx.uniqueWord('copy');
      const clone = await fx.json(
        token,
        'sites',
        'clone',
        tenantId,
        site.siteId,
        '--name',
        'Copy',
        '--subdomain',
        subdomain,
      );
      expect(clone).toMatchObject({ type: 'SITE_CLONE', status: 'PENDING' });
      expect(await fx.sites.get(tenantId, clone.resourceId)).toMatchObject({
        subdomain,
        status: 'PROVISIONING',
      });

      const other = await siteOfAdmin();
      const backup = await fx.json(
        other.token,
        'sites',
        'backup',
        other.tenantId,
        other.site.siteId,
        '--reason',
        'Before the sale',
      );
      expect(backup).toMatchObject({ type: 'BACKUP', resourceId: other.site.siteId });
      expect(await fx.json(other.token, 'sites', 'backups', other.tenantId, other.site.siteId)).toEqual([
        expect.objectContaining({ status: 'IN_PROGRESS', operationId: backup.operationId }),
      ]);
    });
  });

  describe('site plugins', () => {
    it("lists the site's plugins with updates, and passes --version to an installation", async () => {
      const { tenantId, token, site } = await siteOfAdmin();
      const plugin = await fx.plugin({
        versions: [buildPluginVersion('1.3.0'), buildPluginVersion('1.2.0')],
      });
      await fx.installedPlugin(site, plugin, { installedVersion: '1.2.0', isActive: false });

      const table = await fx.bbws(token, 'plugins', 'installed', tenantId, site.siteId);
      expect(table.stdout).toMatch(
        new RegExp(`${plugin.pluginId} +│ ${plugin.name} +│ 1\\.2\\.0 +│ 1\\.3\\.0 +│ no +│ available`),
      );
      expect(await fx.json(token, 'plugins', 'installed', tenantId, site.siteId)).toEqual(
        (await fx.apiGet(token, `/v1.0/tenants/${tenantId}/sites/${site.siteId}/plugins`)).items,
      );

      const update = ['plugins', 'update', tenantId, site.siteId, plugin.pluginId];
      const notNewer = await fx.bbws(token, ...update, '--version', '1.2.0');
      expect(notNewer.code).toBe(EXIT.INVALID);
      expect(notNewer.stderr).toContain('422 PLUGIN_VERSION_NOT_NEWER');

      const other = await fx.plugin();
      const install = ['plugins', 'install', tenantId, site.siteId, other.pluginId];
      const unknownVersion = await fx.bbws(token, ...install, '--version', '9.9.9');
      expect(unknownVersion.code).toBe(EXIT.INVALID);
      expect(unknownVersion.stderr).toContain('9.9.9');
      const installing = await fx.json(token, ...install, '--version', '1.0.0');
      expect(installing).toMatchObject({ type: 'PLUGIN_INSTALLATION', resourceId: site.siteId });
      const busy = await fx.bbws(token, ...update);
      expect(busy.code).toBe(EXIT.CONFLICT);
      expect(busy.stderr).toContain('409 OPERATION_IN_PROGRESS');
      const empty = await fx.bbws(token, 'plugins', 'configure', tenantId, site.siteId, plugin.pluginId);
      expect(empty.code).toBe(EXIT.USAGE);
    });
  });
});
