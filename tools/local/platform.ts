import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDynamoClient, defaultTableNames, ensureTables } from '@bbws/data-access-dynamo';
import { LocalSigningKey } from '@bbws/integrations-identity';
import { ensureQueues } from '@bbws/shared-contracts';
import { OrphanGuard, isPortFree, repoRoot, startDynamoLocal, startSqs, type RunningEngine } from '@bbws/testing-engines';
import { AppProcess } from './app-process';
import { banner } from './banner';
import { ensureCursorSecret, resetDataDir } from './data-dir';
import {
  DYNAMODB_PORT,
  FRONT_DOOR_PORT,
  LOCAL_APPS,
  LOCAL_CREDENTIALS,
  LOCAL_HOST,
  LOCAL_REGION,
  LOCAL_STAGE,
  SQS_PORT,
  appEnvironment,
  localDataDir,
} from './local-platform.config';

const READY_TIMEOUT_MS = 120_000;
const USAGE = 'usage: npm start [-- --reset] [-- --logs]\n  --reset  wipe the data directory first\n  --logs   copy every app\'s log lines to this terminal\n';

class Stopping extends Error {}

/**
 * `npm start` after install and compile: engines, tables, queues, identity key, every built app and
 * the front door; prints the URLs, then `ready` once everything answers; stops it all on Ctrl-C/SIGTERM.
 * Resolves with the exit code.
 */
export async function runPlatform(argv: string[]): Promise<number> {
  let flags: { reset?: boolean; logs?: boolean; help?: boolean };
  try {
    flags = parseArgs({ args: argv, options: { reset: { type: 'boolean' }, logs: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const root = repoRoot(__dirname);
  const dataDir = localDataDir(root);
  const logDir = path.join(dataDir, 'logs');
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const guard = new OrphanGuard();
  const engines: RunningEngine[] = [];
  const apps: AppProcess[] = [];
  let stopping = false;
  let settle: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (settle = resolve));

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    progress('stopping...');
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all(engines.map((engine) => engine.stop()));
    guard.dispose();
    progress('stopped');
    settle(code);
  };
  const onSignal = () => {
    if (stopping) {
      progress('stopping at once (the watchdog ends what is left)');
      process.exit(130);
    }
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const checkpoint = () => {
    if (stopping) throw new Stopping();
  };

  try {
    if (flags.reset) {
      await resetDataDir(dataDir, root);
      progress(`wiped ${dataDir}`);
    }
    const built = LOCAL_APPS.map((app) => ({ ...app, main: path.join(root, 'dist', 'apps', app.name, 'src', 'main.js') }));
    const present = built.filter((app) => existsSync(app.main));
    const frontDoorMain = path.join(root, 'dist', 'apps', 'front-door', 'src', 'main.js');
    if (!existsSync(frontDoorMain)) throw new Error(`${frontDoorMain} is missing: compile with \`npm run build\``);

    process.stdout.write(`${banner(present, dataDir, logDir).join('\n')}\n`);
    for (const app of built.filter((candidate) => !present.includes(candidate))) {
      progress(`skipped ${app.name}: not built yet (no dist/apps/${app.name}/src/main.js)`);
    }

    const ports = [
      [FRONT_DOOR_PORT, 'front door'],
      [DYNAMODB_PORT, 'DynamoDB Local'],
      [SQS_PORT, 'SQS'],
      ...present.map((app) => [app.port, app.name] as const),
    ] as const;
    for (const [port, owner] of ports) {
      if (!(await isPortFree(port))) throw new Error(`port ${port} (${owner}) is already in use: is another \`npm start\` running?`);
    }

    await mkdir(logDir, { recursive: true });
    const started = Date.now();
    progress('starting DynamoDB Local and SQS...');
    const results = await Promise.allSettled([
      startDynamoLocal({ port: DYNAMODB_PORT, dbPath: path.join(dataDir, 'dynamodb'), log: progress }),
      startSqs({ port: SQS_PORT, region: LOCAL_REGION }),
    ]);
    for (const result of results) if (result.status === 'fulfilled') engines.push(result.value);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
    checkpoint();
    const [dynamo, sqs] = engines;
    const [cursorSecret] = await Promise.all([
      ensureCursorSecret(dataDir),
      LocalSigningKey.loadOrCreate(dataDir),
      createResources(dynamo.endpoint, sqs.endpoint),
    ]);
    checkpoint();
    progress(`engines, tables and queues ready in ${((Date.now() - started) / 1000).toFixed(1)} s; starting apps...`);

    const env = appEnvironment(dataDir, cursorSecret);
    const specs = [
      ...present.map((app) => ({ name: app.name, main: app.main, port: app.port, env })),
      {
        name: 'front-door',
        main: frontDoorMain,
        port: FRONT_DOOR_PORT,
        env: {
          ...env,
          FRONT_DOOR_UPSTREAMS: present.filter((app) => app.hasDocs).map((app) => `${app.name}=http://${LOCAL_HOST}:${app.port}`).join(','),
        },
      },
    ];
    for (const spec of specs) {
      const app = AppProcess.start({ ...spec, cwd: root, logFile: path.join(logDir, `${spec.name}.log`), streamLogs: Boolean(flags.logs) }, guard);
      apps.push(app);
      app.onExit(() => {
        if (!stopping) progress(`${spec.name} stopped unexpectedly (${app.exitDescription}); see ${path.join(logDir, `${spec.name}.log`)}`);
      });
    }
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await Promise.all(apps.map((app) => app.waitUntilReady(deadline)));
    checkpoint();
    process.stdout.write('ready\n');
  } catch (error) {
    if (!(error instanceof Stopping)) {
      progress(`npm start failed: ${(error as Error).message}`);
      await shutdown(1);
    }
  }
  const code = await finished;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  return code;
}

async function createResources(dynamoEndpoint: string, sqsEndpoint: string): Promise<void> {
  const dynamo = createDynamoClient({ region: LOCAL_REGION, endpoint: dynamoEndpoint });
  const sqs = new SQSClient({
    region: LOCAL_REGION,
    endpoint: sqsEndpoint,
    credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  });
  try {
    await Promise.all([ensureTables(dynamo, defaultTableNames(LOCAL_STAGE)), ensureQueues(sqs, LOCAL_STAGE)]);
  } finally {
    dynamo.destroy();
    sqs.destroy();
  }
}

if (require.main === module) {
  void runPlatform(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
