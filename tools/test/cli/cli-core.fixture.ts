/* eslint-disable @nx/enforce-module-boundaries -- the CLI runs in-process against the test platform */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { OperationDao } from '@bbws/data-access-operations';
import { LocalUserDirectory } from '@bbws/integrations-identity';
import type { Operation } from '@bbws/shared-contracts';
import { eventually, signTestToken } from '@bbws/testing-engines';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { runCli } from '../../../apps/cli/src/program';
import { startTestPlatform, type TestPlatform } from '../platform/test-platform';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra environment (BBWS_TOKEN, BBWS_API); BBWS_CONFIG_DIR is the fixture's unless given. */
  env?: NodeJS.ProcessEnv;
  /** Render stderr as a terminal (isTTY, 100 columns) for the live progress bar. */
  tty?: boolean;
}

let counter = 0;
/** A name no other run uses (tenant names are unique platform-wide). */
export const unique = (prefix: string) => {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
};

/**
 * `bbws` run in-process (`runCli`, captured stdout/stderr, its own config directory) against the test
 * platform's front door, with the tenant-events worker running lifecycle operations. The tenants API
 * writes its emails under `<dataDir>/mail` (invitation links).
 */
export class CliCoreFixture {
  readonly db = testDynamoContext();
  readonly operations = new OperationDao(this.db);

  private constructor(
    readonly platform: TestPlatform,
    readonly adminToken: string,
    readonly configDir: string,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<CliCoreFixture> {
    const configDir = await mkdtemp(path.join(tmpdir(), 'bbws-cli-core-config-'));
    const dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-cli-core-data-'));
    const platform = await startTestPlatform({ workers: ['tenant-events'], env: { BBWS_DATA_DIR: dataDir } });
    return new CliCoreFixture(platform, await platform.adminToken(), configDir, dataDir);
  }

  async close(): Promise<void> {
    await this.platform.close();
    await rm(this.configDir, { recursive: true, force: true });
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** `bbws …argv` with nothing added: no --api or --token unless the arguments or `env` carry them. */
  async run(argv: string[], options: RunOptions = {}): Promise<CliRun> {
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), options.tty ? { isTTY: true, columns: 100 } : {});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk));
    stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const code = await runCli(argv, {
      stdout,
      stderr,
      env: { BBWS_CONFIG_DIR: this.configDir, ...options.env },
    });
    return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
  }

  /** `bbws --api <front door> --token <token> …argv`. */
  bbws(token: string, ...argv: string[]): Promise<CliRun> {
    return this.run(['--api', this.platform.url, '--token', token, ...argv]);
  }

  /** `bbws --json …` as `token`, its stdout parsed; any exit code but 0 throws with stderr. */
  async json<T = any>(token: string, ...argv: string[]): Promise<T> {
    const run = await this.bbws(token, '--json', ...argv);
    if (run.code !== 0) throw new Error(`bbws ${argv.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  }

  /** The API's own answer to a GET through the front door. */
  async apiGet<T = any>(token: string, route: string): Promise<T> {
    const response = await fetch(`${this.platform.url}${route}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as T;
  }

  /** A user in the local identity directory (what `npm run token -- --email` makes) and their token. */
  async directoryUser(
    email: string,
    name: string,
  ): Promise<{ userId: string; email: string; token: string }> {
    const user = await new LocalUserDirectory(this.db.client, this.platform.tables.tenants).ensureUser({
      email,
      name,
    });
    return {
      userId: user.userId,
      email: user.email,
      token: await signTestToken({ sub: user.userId, email: user.email, name: user.name }),
    };
  }

  /**
   * The token in the newest invitation email to `email` (the link's `/invite/<token>`), waiting for it to
   * be written; with `previous`, for a newer one than that (a resend).
   */
  invitationToken(email: string, previous?: string): Promise<string> {
    return eventually(async () => {
      const token = await this.newestInvitationToken(email);
      return token !== previous ? token : undefined;
    });
  }

  private async newestInvitationToken(email: string): Promise<string | undefined> {
    const mailDir = path.join(this.dataDir, 'mail');
    const files = await readdir(mailDir).catch(() => [] as string[]);
    for (const file of files
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .reverse()) {
      const eml = (await readFile(path.join(mailDir, file), 'utf8')).replace(/=\r?\n/g, '');
      if (!eml.toLowerCase().includes(email.toLowerCase())) continue;
      const token = /invite\/([A-Za-z0-9_-]{43})/.exec(eml)?.[1];
      if (token) return token;
    }
    return undefined;
  }

  /** A PENDING operation on the tenant, stored as the APIs store them (for watch and cancel). */
  async pendingOperation(tenantId: string, overrides: Partial<Operation> = {}): Promise<Operation> {
    const operation = buildOperation({ tenantId, resourceId: tenantId, ...overrides });
    await this.operations.createWithLock(operation);
    return operation;
  }
}
