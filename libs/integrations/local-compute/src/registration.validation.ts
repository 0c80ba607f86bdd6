import type { HostingEnvironment } from '@bbws/shared-contracts';
import { ValidationError } from '@bbws/shared-errors';

const SLUG = /^[a-z0-9]{1,24}$/;
/** A host name, or a `*.` wildcard over one (as an ALB host-header condition takes them). */
const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export function assertHost(host: string): void {
  if (host.length > 128 || !HOST.test(host.toLowerCase()))
    throw ValidationError.field(
      'hosts',
      `"${host}" is not a host name (such as acme.dev.localhost or *.dev.localhost)`,
    );
}

export function assertRegistration(
  input: {
    environment: HostingEnvironment;
    slug: string;
    hosts: string[];
    priority: number;
    desiredCount: number;
  },
  environments: readonly HostingEnvironment[],
): void {
  if (!environments.includes(input.environment))
    throw ValidationError.field('environment', `must be one of ${environments.join(', ')}`);
  if (!SLUG.test(input.slug))
    throw ValidationError.field('slug', 'must be 1-24 lower-case letters or digits');
  if (!input.hosts.length) throw ValidationError.field('hosts', 'at least one host is required');
  input.hosts.forEach(assertHost);
  if (!Number.isInteger(input.priority) || input.priority < 1 || input.priority > 50_000)
    throw ValidationError.field('priority', 'must be a whole number from 1 to 50000');
  if (!Number.isInteger(input.desiredCount) || input.desiredCount < 0 || input.desiredCount > 10)
    throw ValidationError.field('desiredCount', 'must be a whole number from 0 to 10');
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function defaultOnError(error: unknown, context: string): void {
  process.emitWarning(
    `local data plane: ${context} failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}
