import { Module, type DynamicModule } from '@nestjs/common';
import { SiteDao } from '@bbws/data-access-sites';
import { SiteHealthCheck } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { SiteAgents } from './site-agents';
import { siteAgentProviders, siteAgentSettings, type SiteAgentSettings } from './site-agent.providers';
import { SiteHealthController } from './site-health.controller';
import { SiteHealthService } from './site-health.service';

/** GET .../sites/{siteId}/health: the live check through the instance's agent and front door. */
@Module({})
export class SiteHealthModule {
  static register(
    config: Pick<SiteAgentSettings, 'stage' | 'region' | 'dataDir'>,
    environments: SiteAgentSettings['environments'],
  ): DynamicModule {
    return {
      module: SiteHealthModule,
      controllers: [SiteHealthController],
      providers: [
        ...siteAgentProviders(siteAgentSettings(config, environments)),
        provideClass(SiteDao, [DYNAMO_CONTEXT]),
        provideFactory(SiteHealthCheck, [WordPressClient], (wordpress) => new SiteHealthCheck(wordpress)),
        provideClass(SiteHealthService, [SiteDao, TenantAccessService, SiteAgents, SiteHealthCheck, CLOCK]),
      ],
    };
  }
}
