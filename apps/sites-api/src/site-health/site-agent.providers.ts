import type { Provider } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import { INSTANCE_AGENT_ACCESS, LocalInstanceAgentAccess } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { DYNAMO_CONTEXT, LOGGER, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import type { HostingEnvironments } from '@bbws/shared-config';
import { token } from '@bbws/shared-util';
import { SiteAgents } from './site-agents';

/** Where the sites API finds the instances' agents: the local runtime's data directory and the environments. */
export interface SiteAgentSettings {
  dataDir: string;
  environments: HostingEnvironments;
}

const SITE_AGENT_SETTINGS = token<SiteAgentSettings>('SITE_AGENT_SETTINGS');

/** The WordPress client and the instances' agent access, for the routes that call a site's WordPress. */
export function siteAgentProviders(settings: SiteAgentSettings): Provider[] {
  return [
    provideValue(SITE_AGENT_SETTINGS, settings),
    provideClass(InstanceDao, [DYNAMO_CONTEXT]),
    provideFactory(
      INSTANCE_AGENT_ACCESS,
      [SITE_AGENT_SETTINGS],
      (config) => new LocalInstanceAgentAccess(config.dataDir, config.environments),
    ),
    provideFactory(WordPressClient, [LOGGER], (logger) => new WordPressClient({ logger })),
    provideClass(SiteAgents, [InstanceDao, INSTANCE_AGENT_ACCESS]),
  ];
}
