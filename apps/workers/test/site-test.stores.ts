import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao } from '@bbws/data-access-instances';
import { BackupDao, InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import { testDynamoContext } from '@bbws/testing-factories';

/** The artifact store the test engines started (S3 over s3rver, path-style). */
export function testArtifactStore(): S3ArtifactStore {
  return new S3ArtifactStore({
    bucket: process.env.ARTIFACTS_BUCKET ?? '',
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
  });
}

/** The stores a site worker spec reads and seeds, on the test engines. */
export function siteStores(db = testDynamoContext()) {
  return {
    db,
    instances: new InstanceDao(db),
    sites: new SiteDao(db),
    templates: new TemplateDao(db),
    catalogue: new CataloguePluginDao(db),
    installed: new InstalledPluginDao(db),
    backups: new BackupDao(db),
    artifacts: testArtifactStore(),
  };
}
