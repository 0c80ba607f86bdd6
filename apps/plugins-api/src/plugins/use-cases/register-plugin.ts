import type {
  CataloguePlugin,
  CataloguePluginDao,
  PluginCategory,
  PluginPricing,
} from '@bbws/data-access-catalogue';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { BusinessRuleError, ConflictError } from '@bbws/shared-errors';
import { newId, type Clock } from '@bbws/shared-util';
import { conflictReplacements } from '../plugin-conflicts.rules';
import { fromCatalogueError, retryOnVersionConflict } from '../plugin-errors';
import { sortVersions, withVersions } from '../plugin-versions.rules';
import { knownPlugins } from './known-plugins';
import type { CheckedPackage, PluginPackages, VersionUpload } from './plugin-packages';

export interface RegisterPluginInput {
  wpSlug: string;
  name: string;
  description?: string;
  category: PluginCategory;
  pricing: PluginPricing;
  approved?: boolean;
  conflictsWith?: string[];
  versions?: VersionUpload[];
}

type PluginReads = Pick<CataloguePluginDao, 'findBySlug' | 'getMany' | 'create'>;

/**
 * Registers a catalogue plugin: every version's package is inspected before anything is stored,
 * then copied under `packages/`, and the plugin is created with the other side of its conflicts in
 * one transaction (409 PLUGIN_EXISTS when the wpSlug is taken).
 */
export class RegisterPlugin {
  constructor(
    private readonly plugins: PluginReads,
    private readonly packages: PluginPackages,
    private readonly clock: Clock,
  ) {}

  async register(caller: Caller, input: RegisterPluginInput): Promise<CataloguePlugin> {
    requirePlatformAdmin(caller);
    const existing = await this.plugins.findBySlug(input.wpSlug);
    if (existing) throw slugTaken(input.wpSlug, existing.pluginId);
    const conflictsWith = [...new Set(input.conflictsWith ?? [])];
    await knownPlugins(this.plugins, conflictsWith, 'conflictsWith');
    const checked = await this.checkAll(input.wpSlug, input.versions ?? []);

    const now = this.clock.now();
    const versions = [];
    for (const item of checked)
      versions.push(await this.packages.store(input.wpSlug, item, caller.userId, now));
    const newest = sortVersions(checked)[0];
    const pluginId = newId('plg');
    const plugin = withVersions(
      {
        pluginId,
        wpSlug: input.wpSlug,
        pluginFile: `${input.wpSlug}/${input.wpSlug}`,
        name: input.name,
        description: input.description ?? '',
        category: input.category,
        pricing: input.pricing,
        isApproved: input.approved ?? true,
        isBlocklisted: false,
        blocklistReason: null,
        blocklistedAt: null,
        blocklistedBy: null,
        latestVersion: null,
        versions: [],
        conflictsWith,
        installCount: 0,
        createdAt: now.toISOString(),
        createdBy: caller.userId,
        updatedAt: now.toISOString(),
        version: 1,
      },
      versions,
      newest?.info.pluginFile ?? `${input.wpSlug}/${input.wpSlug}`,
    );
    try {
      await retryOnVersionConflict(async () => {
        const others = await knownPlugins(this.plugins, conflictsWith, 'conflictsWith');
        await this.plugins.create(plugin, conflictReplacements(plugin, conflictsWith, others).slice(1));
      });
    } catch (error) {
      throw fromCatalogueError(error, pluginId);
    }
    await this.packages.discard(checked.map((item) => item.uploadId));
    return plugin;
  }

  private async checkAll(wpSlug: string, uploads: readonly VersionUpload[]): Promise<CheckedPackage[]> {
    const checked: CheckedPackage[] = [];
    for (const [index, upload] of uploads.entries()) {
      const item = await this.packages.check(wpSlug, upload, `versions[${index}].uploadId`);
      if (checked.some((other) => other.version === item.version)) {
        throw new BusinessRuleError('DUPLICATE_VERSIONS', `Version ${item.version} is given twice`, {
          version: item.version,
        });
      }
      checked.push(item);
    }
    return checked;
  }
}

function slugTaken(wpSlug: string, existingPluginId: string): ConflictError {
  return new ConflictError('PLUGIN_EXISTS', `A catalogue plugin with wpSlug ${wpSlug} already exists`, {
    wpSlug,
    existingPluginId,
  });
}
