import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { get as httpGet } from 'node:http';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { isPortFree } from '@bbws/testing-engines';
import { bbws, walkCli, type CliWalkResult } from './cli-walk';
import { walkSites } from './sites-walk';
import { TmuxTerminal } from './tmux-terminal';

const root = path.resolve(__dirname, '../..');
const API = 'http://127.0.0.1:3000/v1.0';
const CLONE_STEPS = [
  'export-source',
  'create-site',
  'install-packages',
  'import-content',
  'copy-plugins',
  'copy-template',
  'route-host',
  'activate',
  'discard-transfer',
];
const PLATFORM_PORTS = [3000, 3001, 3002, 3006, 3007, 8000, 9324, 3307, 4568, 4569, 4570, 4571];

/**
 * The README's walks against the real local platform: `npm start` (front door, every app, DynamoDB
 * Local, local SQS, the local cloud), tokens from `npm run token`, the invitation link from the `.eml`
 * file, a DEV instance from GitOps commit to its WordPress answering on `{slug}.dev.localhost:3000`, and
 * Ctrl-C at the end. Needs the platform's ports free (stop your own `npm start` first).
 */
describe('local platform: the README walk through npm start', () => {
  let dataDir: string;
  let platform: ChildProcess;
  let output = '';
  let tenantId = '';
  let cli: CliWalkResult | undefined;
  let terminal: TmuxTerminal | undefined;

  /** A user's shell: none of the test engines' settings (endpoints, test issuer) leak into the platform. */
  const env = () => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(AUTH_|BBWS_|DYNAMODB_|SQS_|TABLE_|CURSOR_|AWS_)/.test(name),
      ),
    );
    return { ...clean, BBWS_DATA_DIR: dataDir };
  };

  function token(...args: string[]): string {
    const result = spawnSync(
      process.execPath,
      ['tools/scripts/run-compiled.mjs', 'tools/local/token.js', ...args],
      {
        cwd: root,
        env: env(),
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) throw new Error(`npm run token failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  async function call(method: string, url: string, bearer: string, body?: unknown): Promise<any> {
    const response = await fetch(url.startsWith('http') ? url : `${API}${url}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Polls the operation until it is terminal (provisioning installs a WordPress network: minutes at most). */
  async function operationDone(operationId: string, bearer: string): Promise<any> {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { body } = await call('GET', `/operations/${operationId}`, bearer);
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(body.status)) return body;
      if (Date.now() > deadline)
        throw new Error(`operation ${operationId} still ${body.status}: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** GET `path` of a WordPress host through the front door (the Host header decides, as on the ALB). */
  function site(host: string, path = '/'): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpGet(
        { host: '127.0.0.1', port: 3000, path, headers: { host: `${host}:3000` } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.once('error', reject);
    });
  }

  async function listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    return entries.map(String);
  }

  beforeAll(async () => {
    for (const port of PLATFORM_PORTS) {
      if (!(await isPortFree(port)))
        throw new Error(`port ${port} is in use: stop \`npm start\` before running this test`);
    }
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-walk-'));
    platform = spawn(process.execPath, ['tools/scripts/start.mjs', '--reset'], {
      cwd: root,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "ready" within 150 s:\n${output}`)), 150_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/^ready$/m.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      platform.stdout?.on('data', onData);
      platform.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      platform.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  }, 180_000);

  afterAll(async () => {
    terminal?.close();
    if (platform && platform.exitCode === null) {
      platform.kill('SIGINT');
      await new Promise((resolve) => platform.once('exit', resolve));
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('prints the front door, the OpenAPI URLs and how to get a token before ready', () => {
    expect(output).toContain('front door  http://127.0.0.1:3000');
    expect(output).toContain('http://127.0.0.1:3000/docs/tenants-api');
    expect(output).toContain('npm run -s token -- --seed');
  });

  it('seeds the catalogue on the fresh data directory: templates, plugins whose packages match their sha256, the vulnerable version flagged; npm run seed then changes nothing', async () => {
    expect(output).toMatch(
      /^catalogue seed: 4 plugins created, 6 plugin versions added, .*3 templates published$/m,
    );
    const admin = token('--seed');
    const alice = token('--email', 'alice@example.com', '--name', 'Alice');
    const templates = await call('GET', '/templates?pageSize=100', alice);
    expect(templates.body.items.map((template: { name: string }) => template.name)).toEqual([
      'Field Notes Blog',
      'Harbour Business',
      'Studio Portfolio',
    ]);
    const plugins = await call('GET', '/plugins?pageSize=100', alice);
    expect(plugins.body.items.map((plugin: { wpSlug: string }) => plugin.wpSlug).sort()).toEqual([
      'akismet',
      'bbws-fixture-conflicting',
      'bbws-fixture-settings',
      'bbws-meta-description',
    ]);
    let downloads = 0;
    for (const { pluginId, wpSlug } of plugins.body.items) {
      const plugin = (await call('GET', `/plugins/${pluginId}`, alice)).body;
      for (const version of plugin.versions) {
        const link = await call(
          'GET',
          `/admin/plugins/${pluginId}/versions/${version.version}/download`,
          admin,
        );
        const bytes = Buffer.from(await (await fetch(link.body.downloadUrl)).arrayBuffer());
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(version.packageArtifact.sha256);
        expect(link.body.sha256).toBe(version.packageArtifact.sha256);
        downloads += 1;
        const vulnerable = wpSlug === 'bbws-fixture-settings' && version.version === '1.0.0';
        expect(version.vulnerabilities.map((found: { fixedIn: string }) => found.fixedIn)).toEqual(
          vulnerable ? ['2.0.0'] : [],
        );
      }
    }
    expect(downloads).toBe(6);

    const reseed = spawnSync(
      process.execPath,
      ['tools/scripts/run-compiled.mjs', 'tools/local/seed/seed.js'],
      {
        cwd: root,
        env: env(),
        encoding: 'utf8',
      },
    );
    expect({ status: reseed.status, stdout: reseed.stdout.trim(), stderr: reseed.stderr }).toMatchObject({
      status: 0,
      stdout: 'catalogue seed: already seeded, nothing changed',
    });
  }, 120_000);

  it('walks from a new tenant to Bob accepting his invitation', async () => {
    const admin = token('--seed');
    const tenant = await call('POST', '/tenants', admin, {
      organizationName: 'Acme Hosting',
      contactEmail: 'ops@acme.example',
    });
    expect(tenant.status).toBe(201);
    const t = tenant.body.tenantId;

    const alice = token('--email', 'alice@example.com', '--name', 'Alice');
    expect(
      (await call('POST', `/tenants/${t}/members`, admin, { email: 'alice@example.com', role: 'ADMIN' }))
        .status,
    ).toBe(201);
    const division = await call('POST', `/tenants/${t}/divisions`, alice, { name: 'Engineering' });
    const group = await call('POST', `/tenants/${t}/divisions/${division.body.divisionId}/groups`, alice, {
      name: 'Platform',
    });
    const team = await call(
      'POST',
      `/tenants/${t}/divisions/${division.body.divisionId}/groups/${group.body.groupId}/teams`,
      alice,
      { name: 'Web' },
    );
    expect(team.status).toBe(201);

    const invitation = await call('POST', `/tenants/${t}/invitations`, alice, {
      email: 'bob@example.com',
      role: 'OPERATOR',
      teamIds: [team.body.teamId],
    });
    expect(invitation.status).toBe(201);
    const mailDir = path.join(dataDir, 'mail');
    const files = (await readdir(mailDir)).filter((file) => file.endsWith('.eml')).sort();
    const eml = (await readFile(path.join(mailDir, files[files.length - 1]), 'utf8')).replace(/=\r?\n/g, '');
    const invite = /invite\/([A-Za-z0-9_-]{43})/.exec(eml)?.[1];
    expect(invite).toBeDefined();

    const preview = await fetch(`${API}/invitations/${invite}`);
    expect(((await preview.json()) as { organizationName: string }).organizationName).toBe('Acme Hosting');

    const bob = token('--email', 'bob@example.com', '--name', 'Bob');
    expect((await call('POST', `/invitations/${invite}/accept`, bob)).status).toBe(200);
    const members = await call('GET', `/tenants/${t}/members`, alice);
    expect(members.body.items.map((member: { email: string }) => member.email).sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
    const bobsTenants = await call('GET', '/users/me/tenants', bob);
    expect(bobsTenants.body.items).toEqual([
      expect.objectContaining({ tenantId: t, organizationName: 'Acme Hosting', role: 'OPERATOR' }),
    ]);

    tenantId = t;
  }, 120_000);

  it('provisions a DEV instance through GitOps and serves its WordPress, then scales, suspends, parks and deletes it', async () => {
    const admin = token('--seed');
    const t = tenantId;
    const created = await call('POST', `/tenants/${t}/instances`, admin, { environment: 'DEV' });
    expect(created.status).toBe(202);
    const provision = await operationDone(created.body.operationId, admin);
    expect(provision).toMatchObject({ status: 'COMPLETED', type: 'INSTANCE_PROVISION', progress: 100 });
    expect(provision.steps.every((step: { status: string }) => step.status === 'COMPLETED')).toBe(true);
    const [instance] = (await call('GET', `/tenants/${t}/instances`, admin)).body.items;
    expect(instance).toMatchObject({ environment: 'DEV', status: 'ACTIVE', slug: 'acmehosting' });
    expect((await call('GET', `/tenants/${t}`, admin)).body.status).toBe('ACTIVE');

    // The environment repository holds the tenant's Terraform, committed by the platform's bot.
    const gitDir = path.join(dataDir, 'gitops', 'dev');
    const git = (...args: string[]) =>
      spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' }).stdout;
    expect(
      git('ls-tree', '--name-only', 'HEAD', 'tenants/acmehosting/').split('\n').filter(Boolean).sort(),
    ).toEqual([
      'tenants/acmehosting/backend.tf',
      'tenants/acmehosting/main.tf',
      'tenants/acmehosting/terraform.tfvars',
    ]);
    expect(await parseHcl('main.tf', git('show', 'HEAD:tenants/acmehosting/main.tf'))).toHaveProperty(
      'module',
    );

    const host = 'acmehosting.dev.localhost';
    expect(await site(host)).toMatchObject({ status: 200 });

    const base = `/tenants/${t}/instances/${instance.instanceId}`;
    const act = async (method: string, suffix: string, body?: unknown) => {
      const accepted = await call(method, `${base}${suffix}`, admin, body);
      expect(accepted.status).toBe(202);
      return operationDone(accepted.body.operationId, admin);
    };
    expect(await act('PUT', '/size', { desiredCount: 3 })).toMatchObject({ status: 'COMPLETED' });
    expect((await call('GET', `${base}/status`, admin)).body).toMatchObject({
      runningCount: 3,
      desiredCount: 3,
    });

    expect(await act('POST', '/suspend', { reason: 'Unpaid invoice' })).toMatchObject({
      status: 'COMPLETED',
    });
    expect((await site(host)).status).toBe(503);
    expect(await act('POST', '/resume')).toMatchObject({ status: 'COMPLETED' });
    expect((await site(host)).status).toBe(200);
    expect(await act('POST', '/park', { reason: 'Season over' })).toMatchObject({ status: 'COMPLETED' });
    expect((await site(host)).status).toBe(503);
    expect((await call('POST', `${base}/resume`, admin)).status).toBe(422);
    expect(await act('POST', '/unpark')).toMatchObject({ status: 'COMPLETED' });
    expect((await site(host)).status).toBe(200);

    expect(await act('DELETE', '')).toMatchObject({ status: 'COMPLETED', type: 'INSTANCE_DEPROVISION' });
    expect((await call('GET', base, admin)).body.status).toBe('DEPROVISIONED');
    expect((await site(host)).status).toBe(404);
    expect(git('ls-tree', '--name-only', 'HEAD', 'tenants/acmehosting/')).toBe('');
    const archives = path.join(dataDir, 'artifacts');
    const archived = (await listFiles(archives)).filter((file) =>
      file.includes(`archives/${t}/${instance.instanceId}/`),
    );
    for (const name of ['database.sql.gz', 'wp-content.tar.gz', 'manifest.json'])
      expect(archived.some((file) => file.includes(name))).toBe(true);
  }, 600_000);

  it('fails a provision whose workflow run fails (WORKFLOW_FAILED with the run log), /retry after the fix goes ACTIVE, and a tenant suspend suspends it', async () => {
    const admin = token('--seed');
    const tenant = await call('POST', '/tenants', admin, {
      organizationName: 'Beta Hosting',
      contactEmail: 'ops@beta.example',
    });
    // Someone commits broken Terraform to the SIT repository: the runner's validation fails every run there.
    const clone = await mkdtemp(path.join(tmpdir(), 'bbws-gitops-sit-'));
    const git = (...args: string[]) => {
      const result = spawnSync('git', ['-C', clone, ...args], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    };
    spawnSync('git', ['clone', '-q', path.join(dataDir, 'gitops', 'sit'), clone]);
    git('config', 'user.email', 'ops@bbws.local');
    git('config', 'user.name', 'Ops');
    await mkdir(path.join(clone, 'tenants', 'broken'), { recursive: true });
    await writeFile(path.join(clone, 'tenants', 'broken', 'main.tf'), 'module "x" {\n  source = \n');
    git('add', '.');
    git('commit', '-q', '-m', 'broken');
    git('push', '-q', 'origin', 'HEAD');

    const base = `/tenants/${tenant.body.tenantId}/instances`;
    const created = await call('POST', base, admin, { environment: 'SIT' });
    const failed = await operationDone(created.body.operationId, admin);
    expect(failed.status).toBe('FAILED');
    expect(failed.error.code).toBe('WORKFLOW_FAILED');
    expect(failed.error.message).toContain('tenants/broken/main.tf');
    const [instance] = (await call('GET', base, admin)).body.items;
    expect(instance).toMatchObject({ status: 'WORKFLOW_FAILED', lastError: { code: 'WORKFLOW_FAILED' } });

    git('rm', '-q', '-r', 'tenants/broken');
    git('commit', '-q', '-m', 'fix');
    git('pull', '-q', '--rebase', 'origin', 'main');
    git('push', '-q', 'origin', 'HEAD');
    const retried = await call('POST', `${base}/${instance.instanceId}/retry`, admin);
    expect(retried.status).toBe(202);
    expect(await operationDone(retried.body.operationId, admin)).toMatchObject({
      status: 'COMPLETED',
      type: 'INSTANCE_PROVISION',
    });
    expect((await call('GET', `${base}/${instance.instanceId}`, admin)).body.status).toBe('ACTIVE');
    expect((await site('betahosting.sit.localhost')).status).toBe(200);
    await rm(clone, { recursive: true, force: true });

    // Suspending the tenant suspends its instances, as child operations the tenant operation lists.
    const suspend = await call('POST', `/tenants/${tenant.body.tenantId}/lifecycle/suspend`, admin, {
      reason: 'Unpaid invoices',
    });
    const suspended = await operationDone(suspend.body.operationId, admin);
    expect(suspended).toMatchObject({ status: 'COMPLETED', type: 'TENANT_SUSPEND' });
    expect(suspended.result.instanceOperations).toEqual([
      expect.objectContaining({ instanceId: instance.instanceId, status: 'COMPLETED' }),
    ]);
    expect((await call('GET', `${base}/${instance.instanceId}`, admin)).body.status).toBe('SUSPENDED');
    expect((await site('betahosting.sit.localhost')).status).toBe(503);
  }, 600_000);

  it('walks a site from a template through plugins, clone, promotion to SIT, backup and restore, suspension and deletion', async () => {
    await walkSites({ token, call, operationDone, page: site });
  }, 900_000);

  it('walks the same with bbws: login, a tenant, a member, an invitation, an instance and a site with --wait, a backup, operations watch, exit codes', async () => {
    cli = await walkCli({ env, dataDir, token, page: site });
  }, 900_000);

  it('shows bbws progress live in a real terminal (tmux): a bar with its percentage and step, ✓ per finished step, then COMPLETED and exit 0', async () => {
    if (!cli) throw new Error('needs the bbws walk (its tenant, site and login)');
    const { tenantId: t, siteId } = cli;
    terminal = await TmuxTerminal.open({ cwd: root, env: cli.env, width: 120, height: 30 });
    terminal.type(`alias bbws='npm run -s bbws --'`);
    terminal.type(
      `bbws sites clone ${t} ${siteId} --name 'Cafe Copy' --subdomain cafe-copy --wait -q; echo "exit=$?"`,
    );
    const { frames, last } = await terminal.record(/^exit=\d+$/m, 600_000);
    const bar = new RegExp(`[=\\-█░]{10}.* \\d{1,3}% .*\\b(${CLONE_STEPS.join('|')})\\b`);
    expect(frames.some((frame) => bar.test(frame))).toBe(true);
    // The bar gone; a ✓ line per step, the final state, the new site's id (-q keeps stdout to it), the exit code.
    const lines = last.split('\n');
    const final = lines.findIndex((line) => /^✓ SITE_CLONE \S+ COMPLETED$/.test(line));
    expect(final).toBeGreaterThanOrEqual(CLONE_STEPS.length);
    expect(lines.slice(final - CLONE_STEPS.length, final)).toEqual(CLONE_STEPS.map((step) => ` ✓ ${step}`));
    expect(lines[final + 2]).toBe('exit=0');
    expect(last).not.toMatch(/\d+% \|/);

    const copy = JSON.parse((await bbws(cli.env, ['--json', 'sites', 'get', t, lines[final + 1]])).stdout);
    expect(copy).toMatchObject({ subdomain: 'cafe-copy', status: 'ACTIVE' });
    expect((await site('cafe-copy.dev.localhost')).body).toContain('Services you can rely on');
  }, 600_000);

  it('stops cleanly on Ctrl-C', async () => {
    platform.kill('SIGINT');
    const code = await new Promise((resolve) => platform.once('exit', resolve));
    expect(code).toBe(0);
    for (const port of PLATFORM_PORTS) expect(await isPortFree(port)).toBe(true);
  }, 120_000);
});
