import { Module, type DynamicModule } from '@nestjs/common';
import { CataloguePluginDao } from '@bbws/data-access-catalogue';
import { ARTIFACT_STORE, type ArtifactStore } from '@bbws/integrations-artifacts';
import { UploadSlots } from '@bbws/integrations-packages';
import { DYNAMO_CONTEXT, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import { ImportVulnerabilities } from './use-cases/import-vulnerabilities';
import { VulnerabilitiesController } from './vulnerabilities.controller';
import { VulnerabilityFeedSource } from './vulnerability-feed.source';

export interface VulnerabilitiesModuleOptions {
  /** One store per app (AppModule builds it from the config unless a test passes its own). */
  artifacts: ArtifactStore;
}

/** The Wordfence feed import into the plugin catalogue. */
@Module({})
export class VulnerabilitiesModule {
  static register(options: VulnerabilitiesModuleOptions): DynamicModule {
    return {
      module: VulnerabilitiesModule,
      controllers: [VulnerabilitiesController],
      providers: [
        provideValue(ARTIFACT_STORE, options.artifacts),
        provideFactory(UploadSlots, [ARTIFACT_STORE], (store) => new UploadSlots(store)),
        provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
        provideClass(VulnerabilityFeedSource, [ARTIFACT_STORE, UploadSlots]),
        provideClass(ImportVulnerabilities, [CataloguePluginDao, VulnerabilityFeedSource]),
      ],
    };
  }
}
