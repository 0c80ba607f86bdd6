import { token } from '@bbws/shared-util';
import type { InstanceWorkersConfig, WorkersConfig } from './config/workers.config';
import type { TenantActivation } from './tenant-events/tenant-activation.port';
import type { TenantInstancesLifecycle } from './tenant-events/tenant-instances.port';

/** Injection tokens of the workers app. */
export const WORKERS_CONFIG = token<WorkersConfig>('WORKERS_CONFIG');
/** The instance fan-out of tenant lifecycle operations (null until the instances feature provides it). */
export const TENANT_INSTANCES = token<TenantInstancesLifecycle | null>('TENANT_INSTANCES');
/** The instance workers' part of the config (present whenever one of them is enabled). */
export const INSTANCE_WORKERS_CONFIG = token<InstanceWorkersConfig>('INSTANCE_WORKERS_CONFIG');
/** The tenant's activation when one of its instances becomes ACTIVE (bound by the tenant side). */
export const TENANT_ACTIVATION = token<TenantActivation>('TENANT_ACTIVATION');
