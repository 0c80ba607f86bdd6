import {
  ArtifactNotFoundError,
  spoolAndHash,
  type ArtifactStore,
  type HashedSpool,
} from '@bbws/integrations-artifacts';
import { readPluginContents, readThemeContents } from './package-contents';
import {
  PackageRejectedError,
  type InspectedPackage,
  type PackageInspector,
  type PluginPackageInfo,
  type ThemePackageInfo,
} from './package-inspector.port';
import { ZipArchive } from './zip-archive';

export interface ArtifactPackageInspectorOptions {
  /** Where a package is spooled while read (default: the OS temp directory). */
  spoolDirectory?: string;
  /** Entries a package may hold (default 100,000). */
  maxEntries?: number;
}

/**
 * The package inspector on the artifact store: the object's size is checked from its head, then
 * its bytes are spooled to a temporary file while hashed (a zip is read from its central
 * directory, i.e. needs random access) and opened with yauzl; the file is always removed.
 */
export class ArtifactPackageInspector implements PackageInspector {
  constructor(
    private readonly store: Pick<ArtifactStore, 'head' | 'get'>,
    private readonly options: ArtifactPackageInspectorOptions = {},
  ) {}

  inspectPlugin(key: string, options: { maxBytes: number }): Promise<PluginPackageInfo> {
    return this.inspect(key, options.maxBytes, readPluginContents);
  }

  inspectTheme(key: string, options: { maxBytes: number }): Promise<ThemePackageInfo> {
    return this.inspect(key, options.maxBytes, readThemeContents);
  }

  private async inspect<T>(
    key: string,
    maxBytes: number,
    read: (archive: ZipArchive) => Promise<T>,
  ): Promise<InspectedPackage & T> {
    const spool = await this.download(key, maxBytes);
    try {
      const archive = await ZipArchive.open(spool.path, this.options.maxEntries);
      try {
        return { key, sha256: spool.sha256, size: spool.size, ...(await read(archive)) };
      } finally {
        archive.close();
      }
    } finally {
      await spool.dispose();
    }
  }

  private async download(key: string, maxBytes: number): Promise<HashedSpool> {
    const head = await this.store.head(key);
    if (!head) throw uploadNotFound(key);
    assertWithin(head.size, maxBytes);
    const download = await this.store.get(key).catch((error: unknown) => {
      throw error instanceof ArtifactNotFoundError ? uploadNotFound(key) : error;
    });
    // Replaced since the head: judge the bytes actually served.
    if (download.size > maxBytes) {
      download.body.destroy();
      assertWithin(download.size, maxBytes);
    }
    return spoolAndHash(download.body, this.options.spoolDirectory);
  }
}

function assertWithin(size: number, maxBytes: number): void {
  if (size > maxBytes)
    throw new PackageRejectedError('TOO_LARGE', `The package is ${size} bytes, more than ${maxBytes}`, {
      size,
      maxBytes,
    });
}

function uploadNotFound(key: string): PackageRejectedError {
  return new PackageRejectedError('UPLOAD_NOT_FOUND', 'Nothing was uploaded under this key', { key });
}
