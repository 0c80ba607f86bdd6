import { Module, type DynamicModule } from '@nestjs/common';
import { CataloguePluginDao, PluginInstallability, TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao } from '@bbws/data-access-instances';
import { TenantSummaryReader } from '@bbws/data-access-memberships';
import { OperationDao, ResourceLockReader } from '@bbws/data-access-operations';
import { SiteDao } from '@bbws/data-access-sites';
import { TenantAccessService } from '@bbws/platform-auth';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  LOGGER,
  provideClass,
  provideFactory,
  provideValue,
} from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import { token } from '@bbws/shared-util';
import type { SitesConfig } from '../config/sites-api.config';
import { SiteContentController } from './site-content.controller';
import { SiteLifecycleController } from './site-lifecycle.controller';
import { SitesController } from './sites.controller';
import { SitesService } from './sites.service';
import { ApplyTemplate } from './use-cases/apply-template';
import { CloneSite } from './use-cases/clone-site';
import { CreateSite } from './use-cases/create-site';
import { PromoteSite } from './use-cases/promote-site';
import { RetrySite } from './use-cases/retry-site';
import { SiteLifecycle } from './use-cases/site-lifecycle';
import { SiteOperations } from './use-cases/site-operations';
import { SitePlacement } from './use-cases/site-placement';

const SITES_CONFIG = token<SitesConfig>('SITES_CONFIG');

/** The sites resource: reads, creation, and every operation on a site but plugins, health and backups. */
@Module({})
export class SitesModule {
  static register(options: { config: SitesConfig }): DynamicModule {
    return {
      module: SitesModule,
      imports: [ProducerModule],
      controllers: [SitesController, SiteLifecycleController, SiteContentController],
      providers: [
        provideValue(SITES_CONFIG, options.config),
        provideClass(SiteDao, [DYNAMO_CONTEXT]),
        provideClass(InstanceDao, [DYNAMO_CONTEXT]),
        provideClass(TemplateDao, [DYNAMO_CONTEXT]),
        provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
        provideClass(PluginInstallability, [CataloguePluginDao]),
        provideClass(TenantSummaryReader, [DYNAMO_CONTEXT]),
        provideClass(OperationDao, [DYNAMO_CONTEXT]),
        provideClass(ResourceLockReader, [DYNAMO_CONTEXT]),
        provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
        provideClass(SitesService, [SiteDao, TenantAccessService, ResourceLockReader, OperationDao, CLOCK]),
        provideFactory(
          SitePlacement,
          [InstanceDao, TenantSummaryReader, TemplateDao, SITES_CONFIG, CLOCK],
          (instances, tenants, templates, config, clock) =>
            new SitePlacement(instances, tenants, templates, config.environments, clock),
        ),
        provideClass(SiteOperations, [
          SiteDao,
          TenantAccessService,
          ResourceLockReader,
          OperationLauncher,
          CLOCK,
        ]),
        provideClass(CreateSite, [
          SiteDao,
          SitePlacement,
          PluginInstallability,
          TenantAccessService,
          OperationLauncher,
        ]),
        provideClass(SiteLifecycle, [SiteOperations]),
        provideClass(CloneSite, [SiteOperations, SiteDao, SitePlacement]),
        provideClass(PromoteSite, [SiteOperations, SiteDao, SitePlacement]),
        provideClass(ApplyTemplate, [SiteOperations, SitePlacement]),
        provideClass(RetrySite, [SiteOperations, OperationDao, SiteDao]),
      ],
    };
  }
}
