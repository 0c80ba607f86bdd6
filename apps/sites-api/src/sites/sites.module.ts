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
import { SitesController } from './sites.controller';
import { SitesService } from './sites.service';
import { CreateSite } from './use-cases/create-site';

const SITES_CONFIG = token<SitesConfig>('SITES_CONFIG');

/** The sites resource: creation (SITE_CREATION) and reads. */
@Module({})
export class SitesModule {
  static register(options: { config: SitesConfig }): DynamicModule {
    return {
      module: SitesModule,
      imports: [ProducerModule],
      controllers: [SitesController],
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
        provideClass(SitesService, [SiteDao, TenantAccessService, ResourceLockReader, OperationDao]),
        provideFactory(
          CreateSite,
          [
            SiteDao,
            InstanceDao,
            TenantSummaryReader,
            TemplateDao,
            PluginInstallability,
            TenantAccessService,
            OperationLauncher,
            SITES_CONFIG,
            CLOCK,
          ],
          (sites, instances, tenants, templates, installability, access, launcher, config, clock) =>
            new CreateSite(
              sites,
              instances,
              tenants,
              templates,
              installability,
              access,
              launcher,
              config.environments,
              clock,
            ),
        ),
      ],
    };
  }
}
