import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDynamoClient, defaultTableNames, ensureTables } from '@bbws/data-access-dynamo';
import { LocalS3Server, type RunningLocalS3Server } from '@bbws/integrations-local-artifacts';
import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { freePort, startDynamoLocal, type RunningEngine } from '@bbws/testing-engines';
import type { SeedTarget } from '../local/seed/seed-api.client';

const root = path.resolve(__dirname, '../..');
const APPS = ['templates-api', 'plugins-api'] as const;

/**
 * The two catalogue services compiled and running on free ports, each on a DynamoDB Local and an S3
 * server of this suite alone (the seed's "nothing exists yet" must not see other suites' plugins).
 */
export class SeedCatalogueFixture {
  private constructor(
    readonly target: SeedTarget,
    readonly admin: TestUser,
    readonly customer: TestUser,
    private readonly stop: () => Promise<void>,
  ) {}

  static async start(): Promise<SeedCatalogueFixture> {
    const compiled = spawnSync(process.execPath, ['tools/build/compile.mjs', '--quiet'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (compiled.status !== 0) throw new Error('compiling to dist/ failed');
    const workDir = await mkdtemp(path.join(tmpdir(), 'bbws-seed-'));
    const dynamo = await startDynamoLocal({ inMemory: true });
    const client = createDynamoClient({
      region: process.env.AWS_REGION ?? 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    await ensureTables(client, defaultTableNames(process.env.BBWS_STAGE ?? 'test')).finally(() =>
      client.destroy(),
    );
    const s3 = await LocalS3Server.start({
      directory: path.join(workDir, 's3'),
      buckets: [process.env.ARTIFACTS_BUCKET ?? ''],
      credentials: [
        {
          accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
          secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
        },
      ],
    });
    const children: ChildProcess[] = [];
    const urls: string[] = [];
    const stop = () => stopAll(children, [s3, dynamo], workDir);
    try {
      for (const app of APPS) {
        const port = await freePort();
        const child = spawn(process.execPath, [path.join(root, 'dist/apps', app, 'src/main.js')], {
          env: {
            ...process.env,
            PORT: String(port),
            LOG_LEVEL: 'warn',
            DYNAMODB_ENDPOINT: dynamo.endpoint,
            S3_ENDPOINT: s3.endpoint,
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        children.push(child);
        urls.push(`http://127.0.0.1:${port}`);
        await waitUntilReady(`http://127.0.0.1:${port}/ready`, child);
      }
    } catch (error) {
      await stop();
      throw error;
    }
    const [templates, plugins] = urls;
    return new SeedCatalogueFixture(
      { templatesApi: `${templates}/v1.0`, pluginsApi: `${plugins}/v1.0` },
      await newTestUser({ platformAdmin: true, name: 'Seed Admin' }),
      await newTestUser({ name: 'Customer' }),
      stop,
    );
  }

  close(): Promise<void> {
    return this.stop();
  }

  /** A GET as `user` (the admin by default) against one of the two services. */
  async get<T = any>(url: string, user: TestUser = this.admin): Promise<{ status: number; body: T }> {
    const response = await fetch(url, { headers: { authorization: `Bearer ${user.token}` } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

async function stopAll(
  children: ChildProcess[],
  engines: Array<RunningEngine | RunningLocalS3Server>,
  workDir: string,
): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }),
  );
  await Promise.all(engines.map((engine) => engine.stop()));
  await rm(workDir, { recursive: true, force: true });
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the app exited with ${child.exitCode}\n${stderr}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms\n${stderr}`);
}
