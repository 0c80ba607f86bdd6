// `npm run size`: per app, what one deployable weighs (its bundle folder + the node_modules its
// generated package.json installs) against today's shared image content (the whole SWC dist/ + every
// production dependency of the root package.json), and its cold start (spawn to first /health 200).
// Targets: deployable <= 40 % of the shared content, cold start <= 1 s.
import { spawn } from 'node:child_process';
import { copyFile, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APPS = [
  'front-door',
  'tenants-api',
  'instances-api',
  'sites-api',
  'templates-api',
  'plugins-api',
  'operations-api',
  'workers',
];
const BUNDLE_FILES = ['main.js', 'main.js.map', 'package.json', 'package-lock.json'];
const TARGET_RATIO = 0.4;
const TARGET_COLD_START_MS = 1000;
const STARTS_PER_APP = 3;

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** Bytes of the files under `target` (apparent size), skipping what `skip(path)` names. */
async function bytes(target, skip = () => false) {
  if (skip(target)) return 0;
  const stat = await lstat(target).catch((error) => {
    if (error.code === 'ENOENT') return undefined; // an app whose bundle needs no package on disk
    throw error;
  });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await readdir(target)) total += await bytes(path.join(target, entry), skip);
  return total;
}

async function twoAtATime(items, job) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await job(item);
  };
  await Promise.all([worker(), worker()]);
}

const npmCi = (dir) =>
  run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawning `node main.js` to its first /health 200. */
async function coldStart(dir, env) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['main.js'], {
    cwd: dir,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${dir}: main.js exited with ${child.exitCode}`);
      const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      if (response?.ok) return Number(process.hrtime.bigint() - started) / 1e6;
      if (Number(process.hrtime.bigint() - started) > 30e9) throw new Error(`${dir}: no /health in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (value) => `${(value / 1e6).toFixed(1)} MB`;

console.log('building: nx run-many -t build (bundles) and tools/build/compile.mjs (shared dist/)');
await run(
  process.execPath,
  [
    createRequire(import.meta.url).resolve('nx/bin/nx'),
    'run-many',
    '-t',
    'build',
    '--projects',
    APPS.join(','),
    '--output-style=static',
  ],
  root,
);
await run(process.execPath, [path.join(root, 'tools/build/compile.mjs'), '--quiet'], root);

// The workers resolve their queues at start: a local SQS (from the SWC compile of the testing engines).
const compiled = (file) =>
  createRequire(import.meta.url)(path.join(root, 'dist/libs/testing/engines/src', file));
const { startSqs } = compiled('index.js');
const { provisionTestResources, TEST_STAGE, TEST_REGION, TEST_CREDENTIALS } = compiled('test-environment.js');
const sqs = await startSqs({ region: TEST_REGION });
await provisionTestResources({ sqs: sqs.endpoint });

const workspace = await mkdtemp(path.join(tmpdir(), 'bbws-size-'));
const appEnv = {
  BBWS_STAGE: TEST_STAGE,
  BBWS_DATA_DIR: path.join(workspace, 'data'),
  AWS_REGION: TEST_REGION,
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  SQS_ENDPOINT: sqs.endpoint,
  // The GitOps workers refuse to boot without a token (nothing is called at start).
  GITOPS_TOKEN: 'size-check',
};
try {
  console.log('installing: npm ci --omit=dev for the root and for each app, two at a time');
  const shared = path.join(workspace, 'shared');
  const jobs = [{ name: 'shared', dir: shared, files: ['package.json', 'package-lock.json'], from: root }];
  for (const app of APPS) {
    jobs.push({
      name: app,
      dir: path.join(workspace, app),
      files: BUNDLE_FILES,
      from: path.join(root, 'dist/apps', app),
    });
  }
  await twoAtATime(jobs, async ({ dir, files, from }) => {
    await mkdir(dir, { recursive: true });
    for (const file of files) await copyFile(path.join(from, file), path.join(dir, file));
    await npmCi(dir);
  });

  // The SWC dist/ without the bundles that sit at the top of dist/apps/<app>/.
  const bundleFile = new Set(
    APPS.flatMap((app) => BUNDLE_FILES.map((file) => path.join(root, 'dist/apps', app, file))),
  );
  const sharedDist = await bytes(
    path.join(root, 'dist'),
    (file) => bundleFile.has(file) || file.endsWith('node_modules'),
  );
  const sharedModules = await bytes(path.join(shared, 'node_modules'));
  const sharedTotal = sharedDist + sharedModules;

  const rows = [];
  for (const app of APPS) {
    const dir = path.join(workspace, app);
    const bundle = await bytes(dir, (file) => file === path.join(dir, 'node_modules'));
    const modules = await bytes(path.join(dir, 'node_modules'));
    const starts = [];
    for (let attempt = 0; attempt < STARTS_PER_APP; attempt += 1) starts.push(await coldStart(dir, appEnv));
    rows.push({ app, bundle, modules, total: bundle + modules, coldStart: median(starts) });
  }

  console.log(
    `\nshared image content today: dist/ ${mb(sharedDist)} + production node_modules ${mb(sharedModules)} = ${mb(sharedTotal)}\n`,
  );
  const header = ['app', 'bundle', 'node_modules', 'deployable', 'of shared', 'cold start', 'targets'];
  const lines = rows.map((row) => {
    const ratio = row.total / sharedTotal;
    const ok = ratio <= TARGET_RATIO && row.coldStart <= TARGET_COLD_START_MS;
    return [
      row.app,
      mb(row.bundle),
      mb(row.modules),
      mb(row.total),
      `${(ratio * 100).toFixed(0)} %`,
      `${Math.round(row.coldStart)} ms`,
      ok ? 'met' : 'MISSED',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  for (const line of [header, widths.map((width) => '-'.repeat(width)), ...lines]) {
    console.log(
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  '),
    );
  }
  console.log(
    `\ntargets: deployable <= ${TARGET_RATIO * 100} % of the shared content, cold start (median of ${STARTS_PER_APP}) <= ${TARGET_COLD_START_MS} ms`,
  );
} finally {
  await sqs.stop();
  await rm(workspace, { recursive: true, force: true });
}
