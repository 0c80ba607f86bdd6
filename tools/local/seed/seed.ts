import { parseArgs } from 'node:util';
import { repoRoot } from '@bbws/testing-engines';
import { FRONT_DOOR_URL, localDataDir } from '../local-platform.config';
import { seedAdminToken } from './seed-admin.token';
import { describeSeed, seedCatalogue } from './seed-catalogue';
import { seedDataDir } from './seed-data';

const USAGE = [
  'usage: npm run seed',
  'Seeds the running local platform (`npm start`) with the sample catalogue through its API: plugins',
  'with their packages, a vulnerability feed and published templates. What exists is kept, so running',
  'it again changes nothing.',
].join('\n');

interface Output {
  write(text: string): unknown;
}

/** `npm run seed`: the catalogue seed as the local platform admin, through the front door. */
export async function runSeedCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: { stdout: Output; stderr: Output } = process,
): Promise<number> {
  try {
    const { help } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } } }).values;
    if (help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const ready = await fetch(`${FRONT_DOOR_URL}/ready`, { signal: AbortSignal.timeout(5000) }).catch(
    () => undefined,
  );
  if (!ready?.ok) {
    io.stderr.write(
      `The local platform is not ${ready ? 'ready' : 'running'} at ${FRONT_DOOR_URL}: start it with \`npm start\` (in another terminal) first.\n`,
    );
    return 1;
  }
  const root = repoRoot(__dirname);
  try {
    const api = `${FRONT_DOOR_URL}/v1.0`;
    const report = await seedCatalogue({
      target: { templatesApi: api, pluginsApi: api },
      token: await seedAdminToken(localDataDir(root, env), env),
      dataDir: seedDataDir(root),
    });
    io.stdout.write(`${describeSeed(report)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`seed failed: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runSeedCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
