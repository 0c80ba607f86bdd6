import path from 'node:path';
import { runApiBench } from './api/api.bench';
import { runFootprintBench } from './footprint/footprint.bench';
import { runInstancesBench } from './instances.bench';
import { runListsBench } from './lists/lists.bench';
import { runBench, type RegisteredBench } from './report/bench-runner';
import { runSitesBench } from './sites.bench';
import { runWorkersBench } from './workers/workers.bench';

const distRoot = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(distRoot, '..');

/** In the order they run; `--only=` takes these names. */
const BENCHES: RegisteredBench[] = [
  { name: 'api', title: 'API services vs bare handlers', run: runApiBench },
  { name: 'lists', title: 'list page latency, 1k vs 100k items in one tenant', run: runListsBench },
  { name: 'workers', title: 'no-op operations through the workers', run: runWorkersBench },
  { name: 'footprint', title: 'cold start and RSS per app', run: runFootprintBench },
  { name: 'instances', title: 'instances on the local platform (npm start)', run: runInstancesBench },
  { name: 'sites', title: 'sites on the local platform (npm start)', run: runSitesBench },
];

/**
 * `npm run bench [-- --only=api,workers,...] [--check] [--write-baseline] [--no-write] [--quick]`: the
 * benchmarks in turn, then bench/REPORT.md and bench/report.svg (tools/bench/report). Not part of `npm test`.
 */
runBench(BENCHES, process.argv.slice(2), {
  distRoot,
  repoRoot,
  outDir: path.join(repoRoot, 'bench'),
  log: (line) => console.log(line),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
