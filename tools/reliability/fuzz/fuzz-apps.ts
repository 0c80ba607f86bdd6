/* eslint-disable @nx/enforce-module-boundaries -- the fuzzers boot every API app in-process, as its e2e specs do */
import { randomUUID } from 'node:crypto';
import type { DynamoContext, TableNames } from '@bbws/data-access-dynamo';
import type { ComputePort } from '@bbws/integrations-compute';
import { startTestApi, type TestApi } from '@bbws/testing-e2e';
import { TestClock, isolatedDynamoContext, testDynamoContext } from '@bbws/testing-factories';
import { AppModule as InstancesApp } from '../../../apps/instances-api/src/app.module';
import { loadInstancesApiConfig } from '../../../apps/instances-api/src/config/instances-api.config';
import { INSTANCES_API_DESCRIPTION } from '../../../apps/instances-api/src/openapi';
import { AppModule as OperationsApp } from '../../../apps/operations-api/src/app.module';
import { loadOperationsApiConfig } from '../../../apps/operations-api/src/config/operations-api.config';
import { OPERATIONS_API_DESCRIPTION } from '../../../apps/operations-api/src/openapi';
import { AppModule as PluginsApp } from '../../../apps/plugins-api/src/app.module';
import { loadPluginsApiConfig } from '../../../apps/plugins-api/src/config/plugins-api.config';
import { PLUGINS_API_DESCRIPTION } from '../../../apps/plugins-api/src/openapi';
import { AppModule as SitesApp } from '../../../apps/sites-api/src/app.module';
import { loadSitesApiConfig } from '../../../apps/sites-api/src/config/sites-api.config';
import { SITES_API_DESCRIPTION } from '../../../apps/sites-api/src/openapi';
import { AppModule as TemplatesApp } from '../../../apps/templates-api/src/app.module';
import { loadTemplatesApiConfig } from '../../../apps/templates-api/src/config/templates-api.config';
import { TEMPLATES_API_DESCRIPTION } from '../../../apps/templates-api/src/openapi';
import { AppModule as TenantsApp } from '../../../apps/tenants-api/src/app.module';
import { loadTenantsApiConfig } from '../../../apps/tenants-api/src/config/tenants-api.config';
import { TENANTS_API_DESCRIPTION } from '../../../apps/tenants-api/src/openapi';

export interface FuzzApp {
  name: string;
  api: TestApi;
}

/** The six API apps on one set of tables of their own, so a checksum of those tables sees only the fuzzer. */
export interface FuzzPlatform {
  apps: FuzzApp[];
  db: DynamoContext;
  tables: TableNames;
  clock: TestClock;
  /** Calls that reached compute (the instances API's live status): a fuzzer's call never should. */
  computeCalls: number;
  close(): Promise<void>;
}

export async function startFuzzPlatform(): Promise<FuzzPlatform> {
  const clock = TestClock.running();
  const label = `fuzz-${randomUUID().slice(0, 8)}`;
  let db = testDynamoContext(clock);
  for (const table of ['tenants', 'instances', 'sites', 'operations'] as const) {
    const isolated = await isolatedDynamoContext(table, label, clock);
    db = { ...db, tables: { ...db.tables, [table]: isolated.tables[table] } };
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TABLE_TENANTS: db.tables.tenants,
    TABLE_INSTANCES: db.tables.instances,
    TABLE_SITES: db.tables.sites,
    TABLE_OPERATIONS: db.tables.operations,
    ACCESS_CACHE_TTL_MS: '0',
    LOG_LEVEL: 'silent',
    // Every fuzzer call from one address: the public invitation route must not rate-limit the run.
    INVITATION_RATE_LIMIT_PER_MINUTE: '100000',
  };
  const platform: FuzzPlatform = {
    apps: [],
    db,
    tables: db.tables,
    clock,
    computeCalls: 0,
    close: async () => {
      await Promise.all(platform.apps.map((app) => app.api.close()));
    },
  };
  const compute: Pick<ComputePort, 'describeService'> = {
    describeService: async () => {
      platform.computeCalls += 1;
      throw new Error('the fuzzer never reaches compute');
    },
  };
  const boots: Array<[string, () => Promise<TestApi>]> = [
    [
      'tenants-api',
      () =>
        startTestApi(
          TenantsApp.register({ config: loadTenantsApiConfig(env), clock }),
          TENANTS_API_DESCRIPTION,
        ),
    ],
    [
      'instances-api',
      () =>
        startTestApi(
          InstancesApp.register({ config: loadInstancesApiConfig(env), clock, compute }),
          INSTANCES_API_DESCRIPTION,
        ),
    ],
    [
      'sites-api',
      () =>
        startTestApi(SitesApp.register({ config: loadSitesApiConfig(env), clock }), SITES_API_DESCRIPTION),
    ],
    [
      'templates-api',
      () =>
        startTestApi(
          TemplatesApp.register({ config: loadTemplatesApiConfig(env), clock }),
          TEMPLATES_API_DESCRIPTION,
        ),
    ],
    [
      'plugins-api',
      () =>
        startTestApi(
          PluginsApp.register({ config: loadPluginsApiConfig(env), clock }),
          PLUGINS_API_DESCRIPTION,
        ),
    ],
    [
      'operations-api',
      () =>
        startTestApi(
          OperationsApp.register({ config: loadOperationsApiConfig(env), clock }),
          OPERATIONS_API_DESCRIPTION,
        ),
    ],
  ];
  try {
    for (const [name, boot] of boots) platform.apps.push({ name, api: await boot() });
  } catch (error) {
    await platform.close();
    throw error;
  }
  return platform;
}
