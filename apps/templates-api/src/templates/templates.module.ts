import { Module, type DynamicModule } from '@nestjs/common';
import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import {
  ARTIFACT_STORE,
  S3ArtifactStore,
  type ArtifactStore,
  type S3ArtifactStoreSettings,
} from '@bbws/integrations-artifacts';
import { ArtifactPackageInspector, UploadSlots, type PackageInspector } from '@bbws/integrations-packages';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import { token } from '@bbws/shared-util';
import { AdminTemplatesController } from './admin-templates.controller';
import { TemplateActionsController } from './template-actions.controller';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';
import { CreateTemplate } from './use-cases/create-template';
import { TemplateArtifacts } from './use-cases/template-artifacts';
import { TemplateContentCheck } from './use-cases/template-content-check';
import { TemplateLifecycle } from './use-cases/template-lifecycle';
import { UpdateTemplate } from './use-cases/update-template';

const PACKAGE_INSPECTOR = token<PackageInspector>('PACKAGE_INSPECTOR');

export interface TemplatesModuleOptions {
  artifactSettings: S3ArtifactStoreSettings;
  /** By default the S3 artifact store from `artifactSettings`. */
  artifacts?: ArtifactStore;
}

/** The template catalogue: public reads, admin writes, packages and screenshots in the artifact store. */
@Module({})
export class TemplatesModule {
  static register(options: TemplatesModuleOptions): DynamicModule {
    return {
      module: TemplatesModule,
      controllers: [TemplatesController, AdminTemplatesController, TemplateActionsController],
      providers: [
        provideValue(ARTIFACT_STORE, options.artifacts ?? new S3ArtifactStore(options.artifactSettings)),
        provideFactory(UploadSlots, [ARTIFACT_STORE], (store) => new UploadSlots(store)),
        provideFactory(PACKAGE_INSPECTOR, [ARTIFACT_STORE], (store) => new ArtifactPackageInspector(store)),
        provideClass(TemplateDao, [DYNAMO_CONTEXT]),
        provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
        provideClass(TemplateArtifacts, [ARTIFACT_STORE, PACKAGE_INSPECTOR, UploadSlots]),
        provideClass(TemplateContentCheck, [CataloguePluginDao]),
        provideClass(TemplatesService, [TemplateDao, ARTIFACT_STORE, UploadSlots]),
        provideClass(CreateTemplate, [TemplateDao, TemplateContentCheck, TemplateArtifacts, CLOCK]),
        provideClass(UpdateTemplate, [TemplateDao, TemplateContentCheck, TemplateArtifacts]),
        provideClass(TemplateLifecycle, [TemplateDao, CLOCK]),
      ],
    };
  }
}
