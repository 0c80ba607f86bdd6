import type { PackageArtifact } from '@bbws/data-access-catalogue';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import type { PluginPackage } from '@bbws/integrations-wordpress-client';

/** Long enough for the agent to download a package while the step runs. */
const PACKAGE_URL_SECONDS = 15 * 60;

/** Presigned GET URLs of catalogue packages, with the sha256 the agent checks before installing. */
export class SitePackageUrls {
  constructor(private readonly artifacts: ArtifactStore) {}

  async of(artifact: PackageArtifact): Promise<PluginPackage> {
    const { url } = await this.artifacts.presignGet(artifact.key, { expiresInSeconds: PACKAGE_URL_SECONDS });
    return { packageUrl: url, sha256: artifact.sha256 };
  }
}
