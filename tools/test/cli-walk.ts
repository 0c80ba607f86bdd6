import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** What the CLI walk needs from the walkthrough: the user's shell, tokens, the mail folder, the front door. */
export interface CliWalkContext {
  /** The environment of a user's shell next to `npm start` (no test engine settings). */
  env(): NodeJS.ProcessEnv;
  dataDir: string;
  /** A bearer token from `npm run token` for `--seed` (the platform admin) or an email. */
  token(...args: string[]): string;
  /** GET `path` of a host through the front door (127.0.0.1:3000, the Host header routes). */
  page(host: string, path?: string): Promise<{ status: number; body: string }>;
}

/** What the walk leaves for the terminal test: the logged-in shell's environment and what it created. */
export interface CliWalkResult {
  env: NodeJS.ProcessEnv;
  tenantId: string;
  siteId: string;
}

export interface BbwsRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run -s bbws -- <args>`: the compiled CLI through tools/scripts/run-compiled.mjs. */
export function bbws(env: NodeJS.ProcessEnv, args: string[]): Promise<BbwsRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['tools/scripts/run-compiled.mjs', 'apps/cli/src/main.js', ...args],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The newest invitation email to `email` in the local mail folder, its link's token. */
async function invitationToken(dataDir: string, email: string): Promise<string> {
  const mailDir = path.join(dataDir, 'mail');
  const files = (await readdir(mailDir)).filter((file) => file.endsWith('.eml')).sort();
  for (const file of files.reverse()) {
    const eml = (await readFile(path.join(mailDir, file), 'utf8')).replace(/=\r?\n/g, '');
    const token = /invite\/([A-Za-z0-9_-]{43})/.exec(eml)?.[1];
    if (eml.includes(email) && token) return token;
  }
  throw new Error(`no invitation email to ${email} in ${mailDir}`);
}

/**
 * The README's "Getting started with bbws" walk: log in as the platform admin, a tenant for Harbour Cafe,
 * an ADMIN member, an invitation accepted from its email, a DEV instance and a site from a template with
 * a plugin (each `--wait`), a backup, the site's health, a restore, a promotion to a SIT instance, an
 * operation followed with `operations watch`,
 * and the exit codes scripts rely on.
 */
export async function walkCli(ctx: CliWalkContext): Promise<CliWalkResult> {
  const env = { ...ctx.env(), BBWS_CONFIG_DIR: await mkdtemp(path.join(tmpdir(), 'bbws-cli-config-')) };
  const run = async (args: string[], expectedCode = 0): Promise<BbwsRun> => {
    const result = await bbws(env, args);
    if (result.code !== expectedCode)
      throw new Error(
        `bbws ${args.join(' ')} exited ${result.code} (not ${expectedCode})\n${result.stdout}${result.stderr}`,
      );
    return result;
  };
  const id = async (args: string[]) => {
    const { stdout } = await run([...args, '-q']);
    expect(stdout).toMatch(/^\S+\n$/);
    return stdout.trim();
  };
  const json = async (args: string[]) => JSON.parse((await run(['--json', ...args])).stdout);

  // Log in once; every later call without --token is the platform admin's.
  const login = await run(['login', '--token', ctx.token('--seed')]);
  expect(`${login.stdout}${login.stderr}`).toContain('admin@bbws.local');
  expect(JSON.parse(await readFile(path.join(env.BBWS_CONFIG_DIR, 'config.json'), 'utf8'))).toHaveProperty(
    'token',
  );
  expect((await run(['whoami'])).stdout).toContain('admin@bbws.local');

  const t = await id(['tenants', 'create', '--name', 'Harbour Cafe', '--email', 'ops@cafe.example']);
  expect(await json(['tenants', 'get', t])).toMatchObject({ tenantId: t, organizationName: 'Harbour Cafe' });

  // Carla runs the tenant; she invites Dan, who accepts from the email's link.
  const carla = ctx.token('--email', 'carla@cafe.example', '--name', 'Carla');
  await run(['members', 'add', t, '--email', 'carla@cafe.example', '--role', 'ADMIN']);
  await run([
    '--token',
    carla,
    'invitations',
    'create',
    t,
    '--email',
    'dan@cafe.example',
    '--role',
    'OPERATOR',
  ]);
  const invite = await invitationToken(ctx.dataDir, 'dan@cafe.example');
  expect(await json(['invitations', 'show', invite])).toMatchObject({
    organizationName: 'Harbour Cafe',
    role: 'OPERATOR',
  });
  const dan = ctx.token('--email', 'dan@cafe.example', '--name', 'Dan');
  await run(['--token', dan, 'invitations', 'accept', invite]);
  const members = await json(['--token', carla, 'members', 'list', t]);
  expect(members.map((member: { email: string }) => member.email).sort()).toEqual([
    'carla@cafe.example',
    'dan@cafe.example',
  ]);

  // A DEV instance: --wait -q prints the instance's id once it is ACTIVE; its WordPress answers.
  const instanceId = await id(['instances', 'create', t, '--env', 'DEV', '--wait', '--timeout', '600']);
  expect(await json(['instances', 'get', t, instanceId])).toMatchObject({
    status: 'ACTIVE',
    environment: 'DEV',
    slug: 'harbourcafe',
  });
  expect((await ctx.page('harbourcafe.dev.localhost')).status).toBe(200);

  // The catalogues, then a site from a template with a plugin, created by Carla.
  expect((await run(['templates', 'list'])).stdout).toMatch(/Harbour Business/);
  const [harbour] = await json(['templates', 'list', '--search', 'harbour']);
  expect(harbour).toMatchObject({ name: 'Harbour Business' });
  expect((await run(['plugins', 'list'])).stdout).toMatch(/akismet/);
  const [akismet] = await json(['plugins', 'list', '--search', 'akismet']);
  const siteId = await id([
    '--token',
    carla,
    'sites',
    'create',
    t,
    '--name',
    'Harbour Cafe',
    '--subdomain',
    'cafe',
    '--template',
    harbour.templateId,
    '--plugin',
    akismet.pluginId,
    '--wait',
    '--timeout',
    '600',
  ]);
  expect(await json(['sites', 'get', t, siteId])).toMatchObject({
    siteId,
    status: 'ACTIVE',
    siteUrl: 'http://cafe.dev.localhost:3000',
  });
  expect((await ctx.page('cafe.dev.localhost')).body).toContain('Services you can rely on');
  const installed = await json(['plugins', 'installed', t, siteId]);
  expect(installed.map((plugin: { pluginId: string }) => plugin.pluginId)).toContain(akismet.pluginId);

  // A backup with --wait (its final state in a table), the site's health.
  const backup = await run(['sites', 'backup', t, siteId, '--wait']);
  expect(backup.stdout).toMatch(/^status\s+COMPLETED$/m);
  expect(await json(['sites', 'backups', t, siteId])).toEqual([
    expect.objectContaining({ reason: 'MANUAL', status: 'COMPLETED' }),
  ]);
  const health = await json(['sites', 'health', t, siteId]);
  // DEGRADED here: WordPress's own loopback test cannot resolve *.localhost; nothing is broken.
  expect(['HEALTHY', 'DEGRADED']).toContain(health.status);
  expect(health.checks).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: 'home_page', status: 'PASS' })]),
  );

  // A change, then a restore of the backup (a PRE_RESTORE backup is taken first); the site is ACTIVE again.
  await run(['sites', 'update', t, siteId, '--set', 'tagline=Fresh coffee every morning', '--wait']);
  const manual = (await json(['sites', 'backups', t, siteId])).find(
    (b: { reason: string }) => b.reason === 'MANUAL',
  );
  const restored = await json(['sites', 'restore', t, siteId, manual.backupId, '--wait']);
  expect(restored).toMatchObject({ siteId, status: 'ACTIVE' });
  expect((await json(['sites', 'backups', t, siteId])).map((b: { reason: string }) => b.reason)).toEqual(
    expect.arrayContaining(['MANUAL', 'PRE_RESTORE']),
  );

  // A SIT instance, then the site promoted to it: --wait -q prints the SIT site, whose URLs are SIT's.
  await id(['instances', 'create', t, '--env', 'SIT', '--wait', '--timeout', '600']);
  const sitSiteId = await id(['sites', 'promote', t, siteId, '--to', 'SIT', '--wait', '--timeout', '600']);
  expect(await json(['sites', 'get', t, sitSiteId])).toMatchObject({
    status: 'ACTIVE',
    environment: 'SIT',
    siteUrl: 'http://cafe.sit.localhost:3000',
  });
  const sitPage = await ctx.page('cafe.sit.localhost');
  expect(sitPage.body).toContain('Services you can rely on');
  expect(sitPage.body).not.toContain('dev.localhost');

  // An operation started without --wait (scaling to two tasks takes seconds), then watched: a line per
  // change naming the step, then the final state, exit 0.
  const scaling = await id(['instances', 'scale', t, instanceId, '2']);
  const watch = await run(['operations', 'watch', scaling]);
  expect(watch.stderr).toMatch(/^IN_PROGRESS \d+% (scale-service|confirm-running|activate)$/m);
  expect(watch.stderr).toMatch(/^COMPLETED 100%$/m);
  expect(watch.stdout).toMatch(/^status\s+COMPLETED$/m);
  const scaled = await json(['operations', 'get', scaling]);
  expect(scaled).toMatchObject({ type: 'INSTANCE_SCALE', resourceId: instanceId });
  expect(scaled.steps.map((step: { name: string; status: string }) => `${step.name} ${step.status}`)).toEqual(
    ['scale-service COMPLETED', 'confirm-running COMPLETED', 'activate COMPLETED'],
  );
  const operations = await json(['operations', 'list', t]);
  expect(operations.map((operation: { type: string }) => operation.type)).toEqual(
    expect.arrayContaining([
      'INSTANCE_PROVISION',
      'SITE_CREATION',
      'BACKUP',
      'RESTORE',
      'SITE_PROMOTION',
      'INSTANCE_SCALE',
    ]),
  );

  // Exit codes: another tenant's site is not found for Bob (4); a bad subdomain is invalid (6).
  const bob = ctx.token('--email', 'bob@example.com', '--name', 'Bob');
  const hidden = await run(['--token', bob, 'sites', 'get', t, siteId], 4);
  expect(hidden).toMatchObject({ stdout: '', stderr: expect.stringContaining('NOT_FOUND') });
  const invalid = await run(['sites', 'create', t, '--name', 'Bad', '--subdomain', 'Not A Subdomain!'], 6);
  expect(invalid.stderr).toMatch(/subdomain/i);
  const failedJson = await run(['--json', 'sites', 'create', t, '--name', 'Bad', '--subdomain', '-bad-'], 6);
  const lastLine = failedJson.stderr.trim().split('\n').pop() ?? '';
  expect(JSON.parse(lastLine)).toMatchObject({
    error: { status: expect.any(Number), code: expect.any(String) },
  });
  await run(['--token', 'not-a-jwt', 'tenants', 'list'], 3);

  return { env, tenantId: t, siteId };
}
