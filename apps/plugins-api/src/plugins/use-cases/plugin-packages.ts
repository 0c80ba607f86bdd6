import type { PluginVersion } from '@bbws/data-access-catalogue';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import {
  UPLOAD_KINDS,
  type PackageInspector,
  type PluginPackageInfo,
  type UploadSlots,
} from '@bbws/integrations-packages';
import { isWpVersion } from '@bbws/shared-util';
import { PluginPackageMismatchError } from '../plugin-errors';
import { packageKey } from '../plugin-versions.rules';

export interface VersionUpload {
  uploadId: string;
  /** When given, the package's `Version:` header must say the same; else it is taken from there. */
  version?: string;
}

/** An upload that passed inspection, with the version it holds. */
export interface CheckedPackage {
  uploadId: string;
  version: string;
  info: PluginPackageInfo;
}

/**
 * Plugin packages from uploads: inspected in the artifact store (size, zip, headers), checked
 * against the plugin, then copied under `packages/plugins/` and the upload discarded once recorded.
 */
export class PluginPackages {
  constructor(
    private readonly inspector: PackageInspector,
    private readonly artifacts: Pick<ArtifactStore, 'copy'>,
    private readonly uploads: Pick<UploadSlots, 'keyOf' | 'discard'>,
  ) {}

  /** Failures: 400 (a malformed upload id), 422 INVALID_PACKAGE with `details.problem`. */
  async check(wpSlug: string, upload: VersionUpload, field = 'uploadId'): Promise<CheckedPackage> {
    const key = this.uploads.keyOf(upload.uploadId, field);
    const info = await this.inspector.inspectPlugin(key, { maxBytes: UPLOAD_KINDS.PLUGIN_PACKAGE.maxBytes });
    if (info.slug !== wpSlug) {
      throw new PluginPackageMismatchError(
        'SLUG_MISMATCH',
        `The package's top folder is ${info.slug}, not the plugin's wpSlug ${wpSlug}`,
        { expected: wpSlug, found: info.slug },
      );
    }
    if (upload.version !== undefined && info.version !== upload.version) {
      throw new PluginPackageMismatchError(
        'VERSION_MISMATCH',
        `The package's Version header is ${info.version ?? 'missing'}, not ${upload.version}`,
        { expected: upload.version, found: info.version },
      );
    }
    const version = upload.version ?? info.version;
    if (!version) {
      throw new PluginPackageMismatchError(
        'NO_VERSION',
        'The package has no Version header; give the version',
      );
    }
    if (!isWpVersion(version)) {
      throw new PluginPackageMismatchError(
        'INVALID_VERSION',
        `The package's version ${version} is not a version`,
        {
          found: version,
        },
      );
    }
    return { uploadId: upload.uploadId, version, info };
  }

  /**
   * Copies the checked package to its content-addressed catalogue key; returns the version entry to
   * record. A copy whose record then fails stays (deleting it could remove the package of an identical
   * upload recorded concurrently); nothing references it.
   */
  async store(wpSlug: string, checked: CheckedPackage, addedBy: string, now: Date): Promise<PluginVersion> {
    const key = packageKey(wpSlug, checked.version, checked.info.sha256);
    await this.artifacts.copy(checked.info.key, key);
    return {
      version: checked.version,
      packageArtifact: { key, sha256: checked.info.sha256, size: checked.info.size },
      minWordPressVersion: checked.info.requiresAtLeast,
      requiresPhp: checked.info.requiresPhp,
      vulnerabilities: [],
      addedAt: now.toISOString(),
      addedBy,
    };
  }

  /** The uploads are no longer needed once their versions are recorded. */
  async discard(uploadIds: readonly string[]): Promise<void> {
    await Promise.all(uploadIds.map((uploadId) => this.uploads.discard(uploadId)));
  }
}
