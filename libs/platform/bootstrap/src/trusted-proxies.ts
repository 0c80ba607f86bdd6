import { isIP } from 'node:net';

/**
 * `TRUST_PROXY` as a list of addresses or CIDRs (`10.20.0.0/16,10.21.4.0/24`); null when an entry
 * is neither. Only peers in the list may set the client address through X-Forwarded-For.
 */
export function parseTrustedProxies(value: string): string[] | null {
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrCidr) ? entries : null;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
