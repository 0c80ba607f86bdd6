import type { Provider } from '@nestjs/common';
import { CataloguePluginDao, PluginInstallability, TemplateDao } from '@bbws/data-access-catalogue';
import { RulePriorityDao } from '@bbws/data-access-instances';
import { BackupDao, InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { INSTANCE_AGENT_ACCESS, createInstanceAgentAccess } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import {
  ARTIFACT_STORE,
  INSTANCE_ARTIFACTS_PROVIDERS,
  INSTANCE_STORE_PROVIDERS,
} from '../instances/instance-workers.providers';
import { INSTANCE_WORKERS_CONFIG, WORKERS_CONFIG } from '../workers.tokens';
import { SiteFailureRecorder } from './site-failure.recorder';
import { SiteHostRouter } from './site-host.router';
import { SitePackageUrls } from './site-package.urls';
import { SitePlugins } from './site-plugins';

/**
 * What every site worker module provides for itself: the site, catalogue and instance stores, the
 * artifact store, the WordPress client with the instances' agent access, plugin installs, host routing
 * and the failure recorder.
 */
export const SITE_WORKER_PROVIDERS: Provider[] = [
  ...INSTANCE_STORE_PROVIDERS,
  ...INSTANCE_ARTIFACTS_PROVIDERS,
  provideClass(SiteDao, [DYNAMO_CONTEXT]),
  provideClass(InstalledPluginDao, [DYNAMO_CONTEXT]),
  provideClass(BackupDao, [DYNAMO_CONTEXT]),
  provideClass(TemplateDao, [DYNAMO_CONTEXT]),
  provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
  provideClass(PluginInstallability, [CataloguePluginDao]),
  provideFactory(
    RulePriorityDao,
    [DYNAMO_CONTEXT, CLOCK],
    (db, clock) => new RulePriorityDao(db, () => clock.now()),
  ),
  provideFactory(WordPressClient, [LOGGER], (logger) => new WordPressClient({ logger })),
  provideFactory(INSTANCE_AGENT_ACCESS, [WORKERS_CONFIG, INSTANCE_WORKERS_CONFIG], (workers, instances) =>
    createInstanceAgentAccess({
      stage: workers.stage,
      region: workers.region,
      dataDir: instances.dataDir,
      environments: instances.environments,
    }),
  ),
  provideClass(SitePackageUrls, [ARTIFACT_STORE]),
  provideClass(SitePlugins, [
    PluginInstallability,
    CataloguePluginDao,
    InstalledPluginDao,
    SitePackageUrls,
    WordPressClient,
    CLOCK,
  ]),
  provideClass(SiteHostRouter, [COMPUTE_PORT, RulePriorityDao]),
  provideClass(SiteFailureRecorder, [SiteDao, CLOCK]),
];
