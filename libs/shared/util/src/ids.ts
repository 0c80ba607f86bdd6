import { randomUUID } from 'node:crypto';

/** Resource id prefixes (API.md § Identifiers). */
export type IdPrefix =
  | 'tenant'
  | 'inst'
  | 'site'
  | 'op'
  | 'inv'
  | 'div'
  | 'grp'
  | 'team'
  | 'tpl'
  | 'plg'
  | 'bkp'
  | 'evt'
  | 'whk'
  | 'dlv'
  | 'upl';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function newId(prefix: IdPrefix): string {
  return `${prefix}-${randomUUID()}`;
}

export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(`^${prefix}-${UUID}$`);
}

export function isId(prefix: IdPrefix, value: string): boolean {
  return idPattern(prefix).test(value);
}

/** User ids are the identity provider's subject: Cognito subs are UUIDs; we accept UUID-like subjects. */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
