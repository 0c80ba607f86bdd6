import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import { ValidationError } from '@bbws/shared-errors';

/** One tenant instance of the local data plane: a slug in a hosting environment. */
export interface InstanceRef {
  environment: HostingEnvironment;
  slug: string;
}

const SLUG = /^[a-z0-9]{1,24}$/;
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export function assertInstanceRef(ref: InstanceRef): void {
  if (!(HOSTING_ENVIRONMENTS as readonly string[]).includes(ref.environment)) {
    throw ValidationError.field('environment', `must be one of ${HOSTING_ENVIRONMENTS.join(', ')}`);
  }
  if (!SLUG.test(ref.slug)) {
    throw ValidationError.field('slug', 'must be 1-24 lower-case letters or digits');
  }
}

export function assertNetworkHost(host: string): void {
  if (host.length > 253 || !HOST_NAME.test(host)) {
    throw ValidationError.field(
      'networkHost',
      `"${host}" must be a lower-case host name such as acme.dev.localhost`,
    );
  }
}

export function instanceKey(ref: InstanceRef): string {
  return `${ref.environment}/${ref.slug}`;
}

/** `{slug}_{env}_db` and its own user `{slug}_{env}` (env lower-case). */
export function databaseNames(ref: InstanceRef): { name: string; user: string } {
  const env = ref.environment.toLowerCase();
  return { name: `${ref.slug}_${env}_db`, user: `${ref.slug}_${env}` };
}
