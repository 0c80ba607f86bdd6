import { MAX_PLUGIN_VERSIONS, type CataloguePlugin } from '@bbws/data-access-catalogue';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { BusinessRuleError, NotFoundError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { versionExists } from '../plugin-errors';
import { withVersions } from '../plugin-versions.rules';
import type { PluginChanges } from './plugin-changes';
import type { PluginPackages, VersionUpload } from './plugin-packages';

/** Presigned package downloads last as long as upload slots. */
const DOWNLOAD_SECONDS = 15 * 60;

export interface PackageDownload {
  downloadUrl: string;
  expiresAt: string;
  sha256: string;
  size: number;
}

/** A plugin's versions: added from uploaded packages, downloaded by platform admins. */
export class PluginVersions {
  constructor(
    private readonly changes: PluginChanges,
    private readonly packages: PluginPackages,
    private readonly artifacts: Pick<ArtifactStore, 'presignGet'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Inspects the upload (422 INVALID_PACKAGE), refuses a version the plugin has (409
   * PLUGIN_VERSION_EXISTS), keeps the package under `packages/` and records the version.
   */
  async add(caller: Caller, pluginId: string, upload: VersionUpload): Promise<CataloguePlugin> {
    requirePlatformAdmin(caller);
    const plugin = await this.changes.load(pluginId);
    if (plugin.versions.length >= MAX_PLUGIN_VERSIONS) {
      throw new BusinessRuleError(
        'PLUGIN_LIMIT_REACHED',
        `A plugin keeps at most ${MAX_PLUGIN_VERSIONS} versions`,
        { what: 'PLUGIN_VERSIONS', limit: MAX_PLUGIN_VERSIONS },
      );
    }
    const checked = await this.packages.check(plugin.wpSlug, upload);
    refuseExisting(plugin, checked.version);
    const version = await this.packages.store(plugin.wpSlug, checked, caller.userId, this.clock.now());
    const written = await this.changes.update(pluginId, undefined, (current) => {
      refuseExisting(current, checked.version);
      return withVersions(current, [version], checked.info.pluginFile);
    });
    await this.packages.discard([checked.uploadId]);
    return written;
  }

  async download(caller: Caller, pluginId: string, version: string): Promise<PackageDownload> {
    requirePlatformAdmin(caller);
    const plugin = await this.changes.load(pluginId);
    const found = plugin.versions.find((candidate) => candidate.version === version);
    if (!found) throw new NotFoundError('PLUGIN_VERSION', `${pluginId} ${version}`);
    const { key, sha256, size } = found.packageArtifact;
    const presigned = await this.artifacts.presignGet(key, {
      expiresInSeconds: DOWNLOAD_SECONDS,
      downloadName: `${plugin.wpSlug}-${version}.zip`,
    });
    return { downloadUrl: presigned.url, expiresAt: presigned.expiresAt.toISOString(), sha256, size };
  }
}

function refuseExisting(plugin: CataloguePlugin, version: string): void {
  if (plugin.versions.some((candidate) => candidate.version === version)) {
    throw versionExists(plugin.pluginId, version);
  }
}
