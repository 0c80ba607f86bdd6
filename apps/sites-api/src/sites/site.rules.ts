import { SITE_QUOTAS } from '@bbws/data-access-sites';
import type { InstanceTierName } from '@bbws/data-access-instances';
import type { HostingEnvironmentConfig } from '@bbws/shared-config';

/** API.md § Sites: 3-63 characters, lower-case letters, digits and inner hyphens (one DNS label). */
export const SUBDOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * Labels the platform keeps for itself or that users would mistake for it: its own hosts (api, admin,
 * status, docs, app, dashboard, portal), mail and DNS service names, asset hosts, and names that pose as
 * the provider (support, help, billing, root). Compared after lower-casing.
 */
export const RESERVED_SUBDOMAINS: readonly string[] = [
  'www',
  'api',
  'admin',
  'administrator',
  'mail',
  'email',
  'webmail',
  'ftp',
  'sftp',
  'localhost',
  'smtp',
  'imap',
  'pop',
  'pop3',
  'ns1',
  'ns2',
  'dns',
  'cdn',
  'static',
  'assets',
  'media',
  'status',
  'docs',
  'app',
  'dashboard',
  'portal',
  'console',
  'support',
  'help',
  'billing',
  'root',
  'test',
  'auth',
  'login',
  'sso',
  'bbws',
];

/** Sites allowed per tenant and environment on an instance of `tier`. */
export function siteQuota(tier: InstanceTierName): number {
  return SITE_QUOTAS[tier];
}

/** `{scheme}://{subdomain}.{domainSuffix}[:{port}]` (API.md § Sites; locally `http://{sub}.dev.localhost:3000`). */
export function siteUrlFor(
  settings: Pick<HostingEnvironmentConfig, 'domainSuffix' | 'siteUrl'>,
  subdomain: string,
): string {
  const port = settings.siteUrl.port ? `:${settings.siteUrl.port}` : '';
  return `${settings.siteUrl.scheme}://${subdomain}.${settings.domainSuffix}${port}`;
}
