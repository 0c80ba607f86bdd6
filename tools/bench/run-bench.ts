import path from 'node:path';
import { runInstancesBench } from './instances.bench';
import { runOperationsBench } from './operations.bench';
import { runSitesBench } from './sites.bench';
import { runTenantsBench } from './tenants.bench';

const distRoot = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(distRoot, '..');

const BENCHES: { name: string; title: string; run: () => Promise<string> }[] = [
  { name: 'tenants', title: 'tenants-api vs bare handler', run: () => runTenantsBench(distRoot) },
  {
    name: 'operations',
    title: 'operations: no-op operations completed by the workers',
    run: runOperationsBench,
  },
  {
    name: 'instances',
    title: 'instances on the local platform (npm start; its ports must be free)',
    run: () => runInstancesBench(repoRoot),
  },
  {
    name: 'sites',
    title: 'sites on the local platform (npm start; its ports must be free)',
    run: () => runSitesBench(repoRoot),
  },
];

/** `npm run bench [-- --only=tenants,operations,instances,sites]`: the benchmarks in turn, as plain tables. Not part of `npm test`. */
async function main(): Promise<void> {
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  for (const bench of BENCHES.filter((entry) => !only || only.includes(entry.name))) {
    console.log(`\n== ${bench.title} ==`);
    console.log(await bench.run());
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
