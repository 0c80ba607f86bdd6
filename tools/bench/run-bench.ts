import path from 'node:path';
import { runTenantsBench } from './tenants.bench';

/** `npm run bench`: every benchmark in turn, printed as plain tables. Not part of `npm test`. */
async function main(): Promise<void> {
  const distRoot = path.resolve(__dirname, '../..');
  console.log('== tenants-api vs bare handler ==');
  console.log(await runTenantsBench(distRoot));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
