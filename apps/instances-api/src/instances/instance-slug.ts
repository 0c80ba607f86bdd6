import { ALLOCATED_RULE_PRIORITIES } from '@bbws/data-access-instances';
import { randomBytes } from 'node:crypto';

/** AWS names like `{env}-{slug}-tg` must fit 32 characters (API.md § Instances). */
export const MAX_SLUG_LENGTH = 24;

/** Lower-case alphanumeric from the organization name, at most 24 characters (`tenant` when nothing is left). */
export function baseSlug(organizationName: string): string {
  const slug = organizationName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_SLUG_LENGTH);
  return slug || 'tenant';
}

/** Attempts past this number take a random suffix instead of the next number. */
const NUMBERED_ATTEMPTS = 5;

/**
 * The slug to try on attempt `attempt` (0: the base itself; then base2, base3... and past a few, a random
 * suffix), cut so the result still fits {@link MAX_SLUG_LENGTH}.
 */
export function slugCandidate(base: string, attempt: number): string {
  if (attempt === 0) return base;
  const suffix =
    attempt < NUMBERED_ATTEMPTS ? String(attempt + 1) : randomBytes(4).toString('hex').slice(0, 6);
  return `${base.slice(0, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
}

/** A random priority of those the platform allocates, reserved per environment by a guard item. */
export function randomRulePriority(): number {
  const { min, max } = ALLOCATED_RULE_PRIORITIES;
  return min + (randomBytes(4).readUInt32BE(0) % (max - min + 1));
}
