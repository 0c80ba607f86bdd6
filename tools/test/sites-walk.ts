/** What the README's site walk needs from the walkthrough: the public API as a user, and the front door. */
export interface WalkContext {
  /** A bearer token for `--seed` (the platform admin) or an email. */
  token(...args: string[]): string;
  call(method: string, url: string, bearer: string, body?: unknown): Promise<{ status: number; body: any }>;
  operationDone(operationId: string, bearer: string): Promise<any>;
  /** GET `path` of a host through the front door (127.0.0.1:3000, the Host header routes). */
  page(host: string, path?: string): Promise<{ status: number; body: string }>;
}

const HOME_TEXT = 'Services you can rely on';
const ABOUT_TEXT = 'We started in 2009 with two desks and one client.';

/**
 * The README's "Sites" walk on the local platform: a tenant with ACTIVE DEV and SIT instances; a site from
 * the Harbour Business template with Akismet; plugin actions and refusals; a clone; a promotion to SIT
 * with its URLs rewritten; backup, change, restore; suspend and resume; delete. Returns what it created.
 */
export async function walkSites(ctx: WalkContext): Promise<void> {
  const admin = ctx.token('--seed');
  const alice = ctx.token('--email', 'alice@example.com', '--name', 'Alice');
  const { call } = ctx;
  const expectStatus = (response: { status: number; body: any }, status: number, what: string) => {
    if (response.status !== status)
      throw new Error(`${what}: ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const done = async (response: { status: number; body: any }, what: string, bearer = alice) => {
    const accepted = expectStatus(response, 202, what);
    const operation = await ctx.operationDone(accepted.operationId, bearer);
    if (operation.status !== 'COMPLETED')
      throw new Error(`${what}: ${operation.status} ${JSON.stringify(operation.error ?? operation)}`);
    return operation;
  };

  const tenant = expectStatus(
    await call('POST', '/tenants', admin, {
      organizationName: 'Coastal Bakery',
      contactEmail: 'ops@bakery.example',
    }),
    201,
    'tenant',
  );
  const t = tenant.tenantId;
  expectStatus(
    await call('POST', `/tenants/${t}/members`, admin, { email: 'alice@example.com', role: 'ADMIN' }),
    201,
    'member',
  );
  await Promise.all(
    ['DEV', 'SIT'].map(async (environment) =>
      done(
        await call('POST', `/tenants/${t}/instances`, admin, { environment }),
        `${environment} instance`,
        admin,
      ),
    ),
  );

  const templates = (await call('GET', '/templates?pageSize=100', alice)).body.items;
  const harbour = templates.find((template: any) => template.name === 'Harbour Business');
  const plugins = (await call('GET', '/plugins?pageSize=100', alice)).body.items;
  const pluginId = (slug: string) => plugins.find((plugin: any) => plugin.wpSlug === slug).pluginId;
  const [akismet, settings, conflicting, meta] = [
    'akismet',
    'bbws-fixture-settings',
    'bbws-fixture-conflicting',
    'bbws-meta-description',
  ].map(pluginId);

  // A site from a template, with a plugin: ACTIVE and serving the template's pages on its own host.
  const sites = `/tenants/${t}/sites`;
  const creation = await done(
    await call('POST', sites, alice, {
      siteName: 'Coastal Bakery',
      subdomain: 'bakery',
      templateId: harbour.templateId,
      plugins: [akismet],
    }),
    'site creation',
  );
  const siteId = creation.result.siteId;
  const site = `${sites}/${siteId}`;
  expect((await call('GET', site, alice)).body).toMatchObject({
    status: 'ACTIVE',
    siteUrl: 'http://bakery.dev.localhost:3000',
    environment: 'DEV',
  });
  expect((await ctx.page('bakery.dev.localhost')).body).toContain(HOME_TEXT);
  expect((await ctx.page('bakery.dev.localhost', '/about/')).body).toContain(ABOUT_TEXT);

  // Plugins: install 1.2.0, update to 1.3.0 (its generator tag shows), toggle, configure, uninstall.
  await done(await call('POST', `${site}/plugins`, alice, { pluginId: meta, version: '1.2.0' }), 'install');
  const installed = async () => (await call('GET', `${site}/plugins`, alice)).body.items;
  expect((await installed()).find((plugin: any) => plugin.pluginId === meta)).toMatchObject({
    installedVersion: '1.2.0',
    latestVersion: '1.3.0',
    hasUpdate: true,
    isActive: true,
  });
  const generator = 'BBWS Meta Description Pro 1.3.0';
  expect((await ctx.page('bakery.dev.localhost')).body).not.toContain(generator);
  await done(await call('PUT', `${site}/plugins/${meta}/update`, alice, {}), 'update');
  expect((await ctx.page('bakery.dev.localhost')).body).toContain(generator);
  expectStatus(
    await call('PUT', `${site}/plugins/${meta}/status`, alice, { isActive: false }),
    200,
    'toggle off',
  );
  expect((await ctx.page('bakery.dev.localhost')).body).not.toContain(generator);
  expectStatus(
    await call('PUT', `${site}/plugins/${meta}/status`, alice, { isActive: true }),
    200,
    'toggle on',
  );
  expect((await ctx.page('bakery.dev.localhost')).body).toContain(generator);
  expectStatus(
    await call('PUT', `${site}/plugins/${meta}/config`, alice, { configuration: { focus: 'bread' } }),
    200,
    'config',
  );
  await done(await call('DELETE', `${site}/plugins/${settings}`, alice), 'uninstall');
  expect((await installed()).map((plugin: any) => plugin.pluginId).sort()).toEqual([akismet, meta].sort());

  // Refusals: a vulnerable version, a blocklisted plugin.
  const vulnerable = await call('POST', `${site}/plugins`, alice, { pluginId: settings, version: '1.0.0' });
  expect(vulnerable).toMatchObject({ status: 422, body: { error: { code: 'PLUGIN_VULNERABLE' } } });
  expectStatus(
    await call('POST', `/admin/plugins/${conflicting}/blocklist`, admin, { reason: 'Breaks checkouts' }),
    200,
    'blocklist',
  );
  const blocked = await call('POST', `${site}/plugins`, alice, { pluginId: conflicting });
  expect(blocked).toMatchObject({ status: 422, body: { error: { code: 'PLUGIN_BLOCKLISTED' } } });

  // Clone: the same content under its own URL.
  const cloned = await done(
    await call('POST', `${site}/clone`, alice, { siteName: 'Bakery Copy', subdomain: 'bakery-copy' }),
    'clone',
  );
  const copy = `${sites}/${cloned.result.siteId}`;
  expect((await call('GET', copy, alice)).body).toMatchObject({ status: 'ACTIVE', subdomain: 'bakery-copy' });
  const copyHome = (await ctx.page('bakery-copy.dev.localhost')).body;
  expect(copyHome).toContain(HOME_TEXT);
  expect(copyHome).not.toContain('//bakery.dev.localhost');

  // Promotion DEV → SIT: the SIT site serves the content with SIT URLs only.
  const promotion = await done(
    await call('POST', `${site}/promote`, alice, { targetEnvironment: 'SIT' }),
    'promote',
  );
  const sitSite = (await call('GET', `${sites}/${promotion.result.targetSiteId}`, alice)).body;
  expect(sitSite).toMatchObject({
    status: 'ACTIVE',
    environment: 'SIT',
    siteUrl: 'http://bakery.sit.localhost:3000',
    promotedFromSiteId: siteId,
  });
  for (const path of ['/', '/about/']) {
    const promoted = (await ctx.page('bakery.sit.localhost', path)).body;
    expect(promoted).toContain(path === '/' ? HOME_TEXT : ABOUT_TEXT);
    expect(promoted).toContain('bakery.sit.localhost');
    expect(promoted).not.toContain('dev.localhost');
  }

  // Backup, change the tagline, restore: the tagline is back.
  const backup = await done(await call('POST', `${site}/backups`, alice, {}), 'backup');
  const backupId = backup.result.backupId;
  await done(
    await call('PATCH', site, alice, { configuration: { tagline: 'Fresh bread every morning' } }),
    'settings',
  );
  expect((await ctx.page('bakery.dev.localhost')).body).toContain('Fresh bread every morning');
  await done(await call('POST', `${site}/backups/${backupId}/restore`, alice), 'restore');
  const restored = (await ctx.page('bakery.dev.localhost')).body;
  expect(restored).not.toContain('Fresh bread every morning');
  expect(restored).toContain('Trusted services from the harbour district');
  const health = (await call('GET', `${site}/health`, alice)).body;
  // DEGRADED here: WordPress's own loopback test cannot resolve *.localhost; nothing is broken.
  expect(['HEALTHY', 'DEGRADED']).toContain(health.status);
  expect(health.checks).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'home_page', status: 'PASS' }),
      expect.objectContaining({ name: 'database', status: 'PASS' }),
    ]),
  );
  expect((await call('GET', site, alice)).body.healthStatus).toBe(health.status);

  // Suspend and resume.
  await done(
    await call('PUT', `${site}/status`, alice, { status: 'SUSPENDED', reason: 'Unpaid invoice' }),
    'suspend',
  );
  expect((await ctx.page('bakery.dev.localhost')).status).toBe(410);
  await done(await call('PUT', `${site}/status`, alice, { status: 'ACTIVE' }), 'resume');
  expect((await ctx.page('bakery.dev.localhost')).status).toBe(200);

  // Delete the clone: DELETED, gone from WordPress, its backup kept.
  await done(await call('DELETE', copy, alice), 'delete');
  expect((await call('GET', copy, alice)).body.status).toBe('DELETED');
  expect((await ctx.page('bakery-copy.dev.localhost')).status).toBe(404);
  const kept = (await call('GET', `${copy}/backups`, alice)).body.items;
  expect(kept).toEqual([expect.objectContaining({ reason: 'PRE_DELETE', status: 'COMPLETED' })]);
}
