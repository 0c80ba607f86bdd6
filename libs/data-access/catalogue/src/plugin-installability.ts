import { ValidationError } from '@bbws/shared-errors';
import { isWpVersion } from '@bbws/shared-util';
import type { InstallCheck, InstallCheckRequest } from './catalogue.entity';
import type { CataloguePluginDao } from './catalogue-plugin.dao';
import { evaluateInstallability } from './plugin-installability.evaluate';

/**
 * `checkInstallable`: whether a catalogue plugin may go on a site, or the exact reason it may not.
 * Used directly by the sites service and over HTTP by plugins-api.
 */
export class PluginInstallability {
  constructor(private readonly plugins: Pick<CataloguePluginDao, 'getMany'>) {}

  /** Failure: ValidationError when `wordpressVersion` or `version` is not a version. */
  async check(request: InstallCheckRequest): Promise<InstallCheck> {
    if (!isWpVersion(request.wordpressVersion)) {
      throw ValidationError.field('wordpressVersion', 'must be a WordPress version such as 6.4 or 6.4.2');
    }
    if (request.version !== undefined && !isWpVersion(request.version)) {
      throw ValidationError.field('version', 'must be a version such as 1.2.0');
    }
    const found = await this.plugins.getMany([request.pluginId, ...request.installed]);
    const plugin = found.find((candidate) => candidate.pluginId === request.pluginId) ?? null;
    const installed = found.filter((candidate) => request.installed.includes(candidate.pluginId));
    return evaluateInstallability(plugin, installed, request);
  }
}
