import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { createDocumentClient, createDynamoClient, defaultTableNames } from '@bbws/data-access-dynamo';
import { LocalSigningKey, LocalUserDirectory } from '@bbws/integrations-identity';
import { freePort, repoRoot } from '@bbws/testing-engines';
import { runTokenCli } from './token';

const LOCAL = { issuer: 'http://127.0.0.1:3000/local-identity', audience: 'bbws-local' };

function capture() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

describe('npm run token', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const raw = createDynamoClient({ region: 'us-east-1', endpoint: process.env.DYNAMODB_ENDPOINT });
  const directory = new LocalUserDirectory(createDocumentClient(raw), defaultTableNames('test').tenants);
  const freshEmail = (local: string) => `${local}-${randomUUID().slice(0, 8)}@example.com`;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-token-'));
    env = {
      PATH: process.env.PATH,
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT,
      BBWS_STAGE: 'test',
      BBWS_DATA_DIR: dataDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  });

  afterAll(async () => {
    raw.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function run(args: string[], withEnv = env) {
    const stdout = capture();
    const stderr = capture();
    const code = await runTokenCli(args, withEnv, { stdout, stderr });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  async function verify(token: string): Promise<JWTPayload> {
    const key = await LocalSigningKey.loadOrCreate(dataDir);
    return (await jwtVerify(token, createLocalJWKSet(key.jwks()), { ...LOCAL, algorithms: ['RS256'] }))
      .payload;
  }

  it('creates the user and prints only a token, signed with the data directory key, for that user', async () => {
    const email = freshEmail('alice');
    const { code, stdout, stderr } = await run(['--email', email, '--name', 'Alice']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = await verify(stdout.trim());
    const user = await directory.findUserByEmail(email);
    expect(claims).toEqual(
      expect.objectContaining({ sub: user?.userId, email, name: 'Alice', token_use: 'id' }),
    );
    expect(claims).not.toHaveProperty('cognito:groups');
    expect(claims.email_verified).toBe(true);
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
  });

  it('marks the email as not verified with --unverified (for testing what unverified callers may do)', async () => {
    const { code, stdout } = await run(['--email', freshEmail('unverified'), '--unverified']);
    expect(code).toBe(0);
    expect((await verify(stdout.trim())).email_verified).toBe(false);
  });

  it('reuses the existing user for an email it has seen', async () => {
    const email = freshEmail('bob');
    const first = await verify((await run(['--email', email])).stdout.trim());
    const second = await verify((await run(['--email', email.toUpperCase()])).stdout.trim());
    expect(second.sub).toBe(first.sub);
  });

  it('makes a platform admin with --platform-admin', async () => {
    const { stdout } = await run(['--email', freshEmail('carol'), '--platform-admin']);
    expect((await verify(stdout.trim()))['cognito:groups']).toEqual(['platform-admin']);
  });

  it('seeds the platform admin admin@bbws.local with --seed', async () => {
    const claims = await verify((await run(['--seed'])).stdout.trim());
    expect(claims).toEqual(
      expect.objectContaining({ email: 'admin@bbws.local', 'cognito:groups': ['platform-admin'] }),
    );
    expect((await directory.findUserByEmail('admin@bbws.local'))?.userId).toBe(claims.sub);
  });

  it('prints the usage on stderr and nothing on stdout without --email or --seed', async () => {
    const { code, stdout, stderr } = await run(['--name', 'Nobody']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain('usage: npm run -s token -- --email');
  });

  it('rejects an invalid email with one line on stderr', async () => {
    const { code, stdout, stderr } = await run(['--email', 'not-an-email']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says in one line to run npm start when DynamoDB Local is not running', async () => {
    const nothing = `http://127.0.0.1:${await freePort()}`;
    const { code, stdout, stderr } = await run(['--seed'], { ...env, DYNAMODB_ENDPOINT: nothing });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      `DynamoDB Local is not running at ${nothing}: start the platform with \`npm start\` (in another terminal) first.\n`,
    );
  });

  it('says to run npm start when the tables do not exist yet', async () => {
    const { code, stderr } = await run(['--seed'], { ...env, BBWS_STAGE: 'nowhere' });
    expect(code).toBe(1);
    expect(stderr).toContain('The local tables do not exist yet');
  });

  it('works as the compiled command, with only the token on stdout', () => {
    const root = repoRoot(__dirname);
    const result = spawnSync(
      process.execPath,
      [
        path.join(root, 'tools/scripts/run-compiled.mjs'),
        'tools/local/token.js',
        '--email',
        freshEmail('dave'),
      ],
      { cwd: root, env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  }, 90_000);
});
