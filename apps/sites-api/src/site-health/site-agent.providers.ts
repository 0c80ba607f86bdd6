import type { Provider } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import {
  createInstanceAgentAccess,
  INSTANCE_AGENT_ACCESS,
  type InstanceAgentAccessSettings,
} from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { DYNAMO_CONTEXT, LOGGER, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import { token } from '@bbws/shared-util';
import { SiteAgents } from './site-agents';

/**
 * Where the sites API finds the instances' agents: the local runtime's secrets files under `dataDir` on
 * the local stages, each instance's Secrets Manager secret in `region` elsewhere.
 */
export type SiteAgentSettings = InstanceAgentAccessSettings;

const SITE_AGENT_SETTINGS = token<SiteAgentSettings>('SITE_AGENT_SETTINGS');

/** The settings from the platform's config and the hosting environments. */
export function siteAgentSettings(
  config: Pick<SiteAgentSettings, 'stage' | 'region' | 'dataDir'>,
  environments: SiteAgentSettings['environments'],
): SiteAgentSettings {
  return { stage: config.stage, region: config.region, dataDir: config.dataDir, environments };
}

/** The WordPress client and the instances' agent access, for the routes that call a site's WordPress. */
export function siteAgentProviders(settings: SiteAgentSettings): Provider[] {
  return [
    provideValue(SITE_AGENT_SETTINGS, settings),
    provideClass(InstanceDao, [DYNAMO_CONTEXT]),
    provideFactory(INSTANCE_AGENT_ACCESS, [SITE_AGENT_SETTINGS], (config) =>
      createInstanceAgentAccess(config),
    ),
    provideFactory(WordPressClient, [LOGGER], (logger) => new WordPressClient({ logger })),
    provideClass(SiteAgents, [InstanceDao, INSTANCE_AGENT_ACCESS]),
  ];
}
