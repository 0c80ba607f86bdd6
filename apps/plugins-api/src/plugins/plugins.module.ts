import { Module, type DynamicModule } from '@nestjs/common';
import { CataloguePluginDao, PluginInstallability } from '@bbws/data-access-catalogue';
import { ARTIFACT_STORE, type ArtifactStore } from '@bbws/integrations-artifacts';
import { ArtifactPackageInspector, PACKAGE_INSPECTOR, UploadSlots } from '@bbws/integrations-packages';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import { AdminPluginVersionsController } from './admin-plugin-versions.controller';
import { AdminPluginsController } from './admin-plugins.controller';
import { PluginsController } from './plugins.controller';
import { PluginsService } from './plugins.service';
import { PluginAdministration } from './use-cases/plugin-administration';
import { PluginChanges } from './use-cases/plugin-changes';
import { PluginPackages } from './use-cases/plugin-packages';
import { PluginVersions } from './use-cases/plugin-versions';
import { RegisterPlugin } from './use-cases/register-plugin';

export interface PluginsModuleOptions {
  /** One store per app (AppModule builds it from the config unless a test passes its own). */
  artifacts: ArtifactStore;
}

/** The plugin catalogue: public reads and installability, admin curation, packages in the artifact store. */
@Module({})
export class PluginsModule {
  static register(options: PluginsModuleOptions): DynamicModule {
    return {
      module: PluginsModule,
      controllers: [PluginsController, AdminPluginsController, AdminPluginVersionsController],
      providers: [
        provideValue(ARTIFACT_STORE, options.artifacts),
        provideFactory(UploadSlots, [ARTIFACT_STORE], (store) => new UploadSlots(store)),
        provideFactory(PACKAGE_INSPECTOR, [ARTIFACT_STORE], (store) => new ArtifactPackageInspector(store)),
        provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
        provideClass(PluginInstallability, [CataloguePluginDao]),
        provideClass(PluginsService, [CataloguePluginDao, PluginInstallability, UploadSlots]),
        provideClass(PluginPackages, [PACKAGE_INSPECTOR, ARTIFACT_STORE, UploadSlots]),
        provideClass(PluginChanges, [CataloguePluginDao]),
        provideClass(RegisterPlugin, [CataloguePluginDao, PluginPackages, CLOCK]),
        provideClass(PluginAdministration, [PluginChanges, CataloguePluginDao, CLOCK]),
        provideClass(PluginVersions, [PluginChanges, PluginPackages, ARTIFACT_STORE, CLOCK]),
      ],
    };
  }
}
