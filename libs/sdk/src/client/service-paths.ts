import type { paths as InstancesPaths } from '../generated/instances-api';
import type { paths as OperationsPaths } from '../generated/operations-api';
import type { paths as PluginsPaths } from '../generated/plugins-api';
import type { paths as SitesPaths } from '../generated/sites-api';
import type { paths as TemplatesPaths } from '../generated/templates-api';
import type { paths as TenantsPaths } from '../generated/tenants-api';

/** Each service's routes, as its OpenAPI document declares them. */
export interface ServicePaths {
  tenants: TenantsPaths;
  instances: InstancesPaths;
  sites: SitesPaths;
  templates: TemplatesPaths;
  plugins: PluginsPaths;
  operations: OperationsPaths;
}

export type ServiceName = keyof ServicePaths;

/** The app whose document describes each service (the generated files are named after it). */
export const SERVICE_APPS: Record<ServiceName, string> = {
  tenants: 'tenants-api',
  instances: 'instances-api',
  sites: 'sites-api',
  templates: 'templates-api',
  plugins: 'plugins-api',
  operations: 'operations-api',
};
