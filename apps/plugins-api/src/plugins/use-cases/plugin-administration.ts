import type {
  CataloguePlugin,
  CataloguePluginDao,
  PluginCategory,
  PluginPricing,
} from '@bbws/data-access-catalogue';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { BusinessRuleError, ValidationError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { conflictReplacements } from '../plugin-conflicts.rules';
import { knownPlugins } from './known-plugins';
import type { PluginChanges } from './plugin-changes';

export interface PluginUpdate {
  name?: string;
  description?: string;
  category?: PluginCategory;
  pricing?: PluginPricing;
  approved?: boolean;
}

/** Platform admins' changes to a catalogue plugin: details, blocklisting, conflicts. */
export class PluginAdministration {
  constructor(
    private readonly changes: PluginChanges,
    private readonly plugins: Pick<CataloguePluginDao, 'getMany'>,
    private readonly clock: Clock,
  ) {}

  async update(caller: Caller, pluginId: string, update: PluginUpdate, ifMatch?: number) {
    requirePlatformAdmin(caller);
    const { approved, ...details } = update;
    const given = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0 && approved === undefined) {
      throw new ValidationError('Give at least one of name, description, category, pricing, approved');
    }
    return this.changes.update(pluginId, ifMatch, (plugin) => ({
      ...plugin,
      ...given,
      ...(approved === undefined ? {} : { isApproved: approved }),
    }));
  }

  /** Hidden from the public catalogue and refused by installability; the reason, who and when kept. */
  async blocklist(caller: Caller, pluginId: string, reason: string, ifMatch?: number) {
    requirePlatformAdmin(caller);
    const at = this.clock.now().toISOString();
    return this.changes.update(pluginId, ifMatch, (plugin) => ({
      ...plugin,
      isBlocklisted: true,
      blocklistReason: reason,
      blocklistedAt: at,
      blocklistedBy: caller.userId,
    }));
  }

  async unblocklist(caller: Caller, pluginId: string, ifMatch?: number) {
    requirePlatformAdmin(caller);
    return this.changes.update(pluginId, ifMatch, (plugin) => ({
      ...plugin,
      isBlocklisted: false,
      blocklistReason: null,
      blocklistedAt: null,
      blocklistedBy: null,
    }));
  }

  /**
   * Sets the plugins this one conflicts with, symmetrically (added ones get it in theirs, dropped ones
   * lose it), in one transaction. 422 for itself or a plugin not in the catalogue.
   */
  async setConflicts(
    caller: Caller,
    pluginId: string,
    conflictsWith: readonly string[],
    ifMatch?: number,
  ): Promise<CataloguePlugin> {
    requirePlatformAdmin(caller);
    const wanted = [...new Set(conflictsWith)];
    if (wanted.includes(pluginId)) {
      throw new BusinessRuleError('PLUGIN_CONFLICTS_ITSELF', 'A plugin cannot conflict with itself', {
        pluginId,
      });
    }
    return this.changes.apply(pluginId, ifMatch, async (plugin) => {
      await knownPlugins(this.plugins, wanted, 'conflictsWith');
      const affected = [...new Set([...wanted, ...plugin.conflictsWith])];
      const others = await this.plugins.getMany(affected);
      return conflictReplacements(plugin, wanted, others);
    });
  }
}
