import type { SitesSchemas } from '@bbws/sdk';
import { CliError } from '../../runtime/run-action';
import { EXIT } from '../../runtime/exit-codes';
import { parseSettings } from '../key-value-settings';

type Schemas = SitesSchemas['schemas'];

/** `plugins install … <pluginId> [--version] [--no-activate]` → POST …/plugins. */
export function installPluginBody(
  pluginId: string,
  flags: { version?: string; activate?: boolean },
): Schemas['InstallSitePluginRequestDto'] {
  return {
    pluginId,
    ...(flags.version ? { version: flags.version } : {}),
    ...(flags.activate === false ? { activate: false } : {}),
  };
}

/** `plugins update … [--version]` → PUT …/plugins/{p}/update (no version: the catalogue's latest). */
export function updatePluginBody(flags: { version?: string }): Schemas['UpdateSitePluginRequestDto'] {
  return flags.version ? { version: flags.version } : {};
}

/**
 * `plugins configure … --set key=value…` → PUT …/config, which replaces the configuration: values that
 * read as JSON keep their type (`limit=3`, `enabled=true`), others are text.
 */
export function configurePluginBody(set: string[] | undefined): Schemas['SitePluginConfigRequestDto'] {
  if (!set?.length) throw new CliError('give the configuration as --set key=value…', EXIT.USAGE);
  return { configuration: parseSettings(set, true) };
}
