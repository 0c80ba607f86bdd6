/** Injection tokens of the workers app. */
export const WORKERS_CONFIG = Symbol('WORKERS_CONFIG');
/** The instance fan-out of tenant lifecycle operations (null until the instances feature provides it). */
export const TENANT_INSTANCES = Symbol('TENANT_INSTANCES');
