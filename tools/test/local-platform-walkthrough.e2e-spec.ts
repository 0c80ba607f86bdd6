import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isPortFree } from '@bbws/testing-engines';

const root = path.resolve(__dirname, '../..');
const API = 'http://127.0.0.1:3000/v1.0';
const PLATFORM_PORTS = [3000, 3001, 3006, 3007, 8000, 9324];

/**
 * The README's getting-started walk against the real local platform: `npm start` (front door, every
 * app, DynamoDB Local, local SQS), tokens from `npm run token`, the invitation link from the `.eml`
 * file, and Ctrl-C at the end. Needs the platform's ports free (stop your own `npm start` first).
 */
describe('local platform: the README walk through npm start', () => {
  let dataDir: string;
  let platform: ChildProcess;
  let output = '';

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

  it('walks from a new tenant to Bob accepting his invitation, then stops cleanly on Ctrl-C', async () => {
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

    platform.kill('SIGINT');
    const code = await new Promise((resolve) => platform.once('exit', resolve));
    expect(code).toBe(0);
    for (const port of PLATFORM_PORTS) expect(await isPortFree(port)).toBe(true);
  }, 120_000);
});
