import { Module, type DynamicModule } from '@nestjs/common';
import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import { ARTIFACT_STORE, type ArtifactStore } from '@bbws/integrations-artifacts';
import { ArtifactPackageInspector, PACKAGE_INSPECTOR, UploadSlots } from '@bbws/integrations-packages';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import { AdminTemplatesController } from './admin-templates.controller';
import { TemplateActionsController } from './template-actions.controller';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';
import { CreateTemplate } from './use-cases/create-template';
import { TemplateArtifacts } from './use-cases/template-artifacts';
import { TemplateContentCheck } from './use-cases/template-content-check';
import { TemplateLifecycle } from './use-cases/template-lifecycle';
import { UpdateTemplate } from './use-cases/update-template';

export interface TemplatesModuleOptions {
  /** One store per app (AppModule builds it from the config unless a test passes its own). */
  artifacts: ArtifactStore;
}

/** The template catalogue: public reads, admin writes, packages and screenshots in the artifact store. */
@Module({})
export class TemplatesModule {
  static register(options: TemplatesModuleOptions): DynamicModule {
    return {
      module: TemplatesModule,
      controllers: [TemplatesController, AdminTemplatesController, TemplateActionsController],
      providers: [
        provideValue(ARTIFACT_STORE, options.artifacts),
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
