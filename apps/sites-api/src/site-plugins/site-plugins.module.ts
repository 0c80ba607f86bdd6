import { Module, type DynamicModule } from '@nestjs/common';
import { CataloguePluginDao, PluginInstallability } from '@bbws/data-access-catalogue';
import { OperationDao, ResourceLockReader } from '@bbws/data-access-operations';
import { InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass } from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import { SiteAgents } from '../site-health/site-agents';
import {
  siteAgentProviders,
  siteAgentSettings,
  type SiteAgentSettings,
} from '../site-health/site-agent.providers';
import { InstancePluginVersion } from './instance-plugin.version';
import { SitePluginAccess } from './site-plugin.access';
import { SitePluginsController } from './site-plugins.controller';
import { SitePluginsService } from './site-plugins.service';
import { LivePluginChanges } from './use-cases/live-plugin-changes';
import { PluginOperations } from './use-cases/plugin-operations';

/** A site's plugins: the installed list, install/update/uninstall operations, live toggle and configuration. */
@Module({})
export class SitePluginsModule {
  static register(
    config: Pick<SiteAgentSettings, 'stage' | 'region' | 'dataDir'>,
    environments: SiteAgentSettings['environments'],
  ): DynamicModule {
    return {
      module: SitePluginsModule,
      imports: [ProducerModule],
      controllers: [SitePluginsController],
      providers: [
        ...siteAgentProviders(siteAgentSettings(config, environments)),
        provideClass(SiteDao, [DYNAMO_CONTEXT]),
        provideClass(InstalledPluginDao, [DYNAMO_CONTEXT]),
        provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
        provideClass(PluginInstallability, [CataloguePluginDao]),
        provideClass(OperationDao, [DYNAMO_CONTEXT]),
        provideClass(ResourceLockReader, [DYNAMO_CONTEXT]),
        provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
        provideClass(SitePluginAccess, [
          SiteDao,
          InstalledPluginDao,
          TenantAccessService,
          ResourceLockReader,
        ]),
        provideClass(SitePluginsService, [SitePluginAccess, CataloguePluginDao]),
        provideClass(InstancePluginVersion, [SiteDao, InstalledPluginDao]),
        provideClass(PluginOperations, [
          SitePluginAccess,
          PluginInstallability,
          InstancePluginVersion,
          SiteDao,
          OperationLauncher,
        ]),
        provideClass(LivePluginChanges, [SitePluginAccess, InstalledPluginDao, SiteAgents, WordPressClient]),
      ],
    };
  }
}
