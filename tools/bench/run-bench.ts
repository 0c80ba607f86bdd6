import path from 'node:path';
import { runOperationsBench } from './operations.bench';
import { runTenantsBench } from './tenants.bench';

/** `npm run bench`: every benchmark in turn, printed as plain tables. Not part of `npm test`. */
async function main(): Promise<void> {
  const distRoot = path.resolve(__dirname, '../..');
  console.log('== tenants-api vs bare handler ==');
  console.log(await runTenantsBench(distRoot));
  console.log('\n== operations: no-op operations completed by the workers ==');
  console.log(await runOperationsBench());
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
