/* eslint-disable @nx/enforce-module-boundaries -- the test platform boots every API app in-process, as the fuzzers do */
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type AppDescription } from '@bbws/platform-bootstrap';
import type { LocalApiApp } from '@bbws/shared-config';
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

export interface ListeningApp {
  name: string;
  url: string;
  app: NestFastifyApplication;
}

type AppBoot = (env: NodeJS.ProcessEnv) => [DynamicModule, AppDescription];

/** The six API apps, each from its own config loaded from `env`. */
export const API_APP_BOOTS: Record<LocalApiApp, AppBoot> = {
  'tenants-api': (env) => [
    TenantsApp.register({ config: loadTenantsApiConfig(env) }),
    TENANTS_API_DESCRIPTION,
  ],
  'instances-api': (env) => [
    InstancesApp.register({ config: loadInstancesApiConfig(env) }),
    INSTANCES_API_DESCRIPTION,
  ],
  'sites-api': (env) => [SitesApp.register({ config: loadSitesApiConfig(env) }), SITES_API_DESCRIPTION],
  'templates-api': (env) => [
    TemplatesApp.register({ config: loadTemplatesApiConfig(env) }),
    TEMPLATES_API_DESCRIPTION,
  ],
  'plugins-api': (env) => [
    PluginsApp.register({ config: loadPluginsApiConfig(env) }),
    PLUGINS_API_DESCRIPTION,
  ],
  'operations-api': (env) => [
    OperationsApp.register({ config: loadOperationsApiConfig(env) }),
    OPERATIONS_API_DESCRIPTION,
  ],
};

/** Boots a Nest app and makes it listen on a free 127.0.0.1 port (real HTTP). */
export async function listen(
  name: string,
  module: DynamicModule,
  description: AppDescription,
): Promise<ListeningApp> {
  const app = await createApp(module, description);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { name, url: `http://127.0.0.1:${port}`, app };
}
