import type {
  CataloguePlugin,
  CataloguePluginDao,
  InstallCheck,
  InstallCheckRequest,
  PluginInstallability,
  PluginListFilter,
} from '@bbws/data-access-catalogue';
import type { UploadKind, UploadSlot, UploadSlots } from '@bbws/integrations-packages';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { pluginNotFound } from './plugin-errors';

export type PluginSearch = Omit<PluginListFilter, 'listedOnly'>;

/** Reading the catalogue (everyone signed in sees approved plugins), installability, upload slots. */
export class PluginsService {
  constructor(
    private readonly plugins: Pick<CataloguePluginDao, 'get' | 'list'>,
    private readonly installability: Pick<PluginInstallability, 'check'>,
    private readonly uploads: Pick<UploadSlots, 'create'>,
  ) {}

  /** The public catalogue: approved and not blocklisted, by name. */
  listPublic(search: Omit<PluginSearch, 'blocklisted'>, page: PageRequest): Promise<Page<CataloguePlugin>> {
    return this.plugins.list({ ...search, listedOnly: true }, page);
  }

  /** Every plugin (platform admins). */
  listAll(caller: Caller, search: PluginSearch, page: PageRequest): Promise<Page<CataloguePlugin>> {
    requirePlatformAdmin(caller);
    return this.plugins.list({ ...search, listedOnly: false }, page);
  }

  /** A plugin; an unapproved one exists for platform admins only (blocklisted ones stay readable). */
  async get(caller: Caller, pluginId: string): Promise<CataloguePlugin> {
    const plugin = await this.plugins.get(pluginId);
    if (!plugin || (!plugin.isApproved && !caller.isPlatformAdmin)) throw pluginNotFound(pluginId);
    return plugin;
  }

  checkInstallable(request: InstallCheckRequest): Promise<InstallCheck> {
    return this.installability.check(request);
  }

  createUpload(caller: Caller, kind: UploadKind, contentType: string): Promise<UploadSlot> {
    requirePlatformAdmin(caller);
    return this.uploads.create(kind, contentType);
  }
}
