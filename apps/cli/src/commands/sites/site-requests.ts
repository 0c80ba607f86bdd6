import type { SitesSchemas } from '@bbws/sdk';
import { CliError } from '../../runtime/run-action';
import { EXIT } from '../../runtime/exit-codes';
import { parseSettings } from '../key-value-settings';

type Schemas = SitesSchemas['schemas'];
type Environment = NonNullable<Schemas['CreateSiteRequestDto']['environment']>;

export interface CreateSiteFlags {
  name: string;
  subdomain: string;
  env?: string;
  template?: string;
  plugin?: string[];
  adminEmail?: string;
}

/** `sites create` → POST …/sites (environment and plugins only when given: the API has defaults). */
export function createSiteBody(flags: CreateSiteFlags): Schemas['CreateSiteRequestDto'] {
  return {
    siteName: flags.name,
    subdomain: flags.subdomain,
    ...(flags.env ? { environment: flags.env as Environment } : {}),
    ...(flags.template ? { templateId: flags.template } : {}),
    ...(flags.plugin?.length ? { plugins: flags.plugin } : {}),
    ...(flags.adminEmail ? { adminEmail: flags.adminEmail } : {}),
  };
}

/** `sites update [--name] [--set key=value…]` → PATCH …/sites/{s} with only what was given (merged). */
export function updateSiteBody(flags: { name?: string; set?: string[] }): Schemas['PatchSiteRequestDto'] {
  const configuration = parseSettings(flags.set ?? []);
  if (flags.name === undefined && Object.keys(configuration).length === 0) {
    throw new CliError('nothing to change: give --name and/or --set key=value', EXIT.USAGE);
  }
  return {
    ...(flags.name !== undefined ? { siteName: flags.name } : {}),
    ...(Object.keys(configuration).length ? { configuration } : {}),
  };
}

/** `sites clone --name --subdomain [--env]` → POST …/clone (environment: the source's unless given). */
export function cloneSiteBody(flags: {
  name: string;
  subdomain: string;
  env?: string;
}): Schemas['CloneSiteRequestDto'] {
  return {
    siteName: flags.name,
    subdomain: flags.subdomain,
    ...(flags.env ? { environment: flags.env as Environment } : {}),
  };
}

/** `sites promote --to <SIT|PROD>` → POST …/promote (database and files, the API's defaults). */
export function promoteSiteBody(flags: { to: string }): Schemas['PromoteSiteRequestDto'] {
  return { targetEnvironment: flags.to as Schemas['PromoteSiteRequestDto']['targetEnvironment'] };
}

/** `sites suspend --reason` / `sites resume` → PUT …/status. */
export function siteStatusBody(
  status: Schemas['ChangeSiteStatusRequestDto']['status'],
  reason?: string,
): Schemas['ChangeSiteStatusRequestDto'] {
  return reason === undefined ? { status } : { status, reason };
}
