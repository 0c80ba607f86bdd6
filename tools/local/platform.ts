import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@bbws/testing-engines';
import { banner } from './banner';
import { resetDataDir } from './data-dir';
import { LocalPlatform } from './local-platform';
import { LOCAL_APPS, localDataDir } from './local-platform.config';
import { isFreshDataDir, seedFreshPlatform } from './seed/fresh-data-dir.seed';

const USAGE = [
  'usage: npm start [-- --reset] [-- --logs]',
  '  --reset  wipe the data directory first',
  "  --logs   also copy every app's log lines to this terminal",
].join('\n');

/**
 * `npm start` once installed and compiled: prints the URLs, starts the platform, prints `ready` when
 * everything answers, and on Ctrl-C/SIGTERM stops every child and resolves with the exit code.
 */
export async function runPlatform(argv: string[]): Promise<number> {
  let flags: { reset?: boolean; logs?: boolean; help?: boolean };
  try {
    const options = {
      reset: { type: 'boolean' },
      logs: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    } as const;
    flags = parseArgs({ args: argv, options }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const root = repoRoot(__dirname);
  const dataDir = localDataDir(root);
  const built = LOCAL_APPS.map((app) => ({
    ...app,
    main: path.join(root, 'dist', 'apps', app.name, 'src', 'main.js'),
  }));
  const present = built.filter((app) => existsSync(app.main));
  const frontDoorMain = path.join(root, 'dist', 'apps', 'front-door', 'src', 'main.js');
  const platform = new LocalPlatform({
    root,
    dataDir,
    apps: present,
    frontDoorMain,
    streamLogs: Boolean(flags.logs),
    progress,
  });

  let stopping = false;
  let code = 0;
  let markStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    code = exitCode;
    progress('stopping...');
    await platform.stop();
    progress('stopped');
    markStopped();
  };
  const onSignal = () => {
    if (stopping) {
      progress('stopping at once (the watchdog ends what is left)');
      process.exit(130);
    }
    void stop(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (!existsSync(frontDoorMain))
      throw new Error(`${frontDoorMain} is missing: compile with \`npm run build\``);
    if (flags.reset) {
      await resetDataDir(dataDir, root);
      progress(`wiped ${dataDir}`);
    }
    const fresh = await isFreshDataDir(dataDir);
    process.stdout.write(`${banner(present, dataDir, platform.logDir).join('\n')}\n`);
    for (const app of built.filter((candidate) => !present.includes(candidate))) {
      progress(`skipped ${app.name}: not built yet (no dist/apps/${app.name}/src/main.js)`);
    }
    await platform.assertPortsFree();
    await platform.start();
    if (fresh && !stopping) progress(await seedFreshPlatform(root, dataDir));
    if (!stopping) process.stdout.write('ready\n');
  } catch (error) {
    if (!stopping) {
      progress(`npm start failed: ${(error as Error).message}`);
      await stop(1);
    }
  }
  // The children keep this process alive until a signal (or a failure) has stopped them.
  await stopped;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  return code;
}

if (require.main === module) {
  void runPlatform(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
