import { Module } from '@nestjs/common';
import { CataloguePluginDao, PluginInstallability, TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao, RulePriorityDao } from '@bbws/data-access-instances';
import { InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import { token } from '@bbws/shared-util';
import type { InstanceAgentAccess } from '../instances/instance-agent-access.port';
import {
  ARTIFACT_STORE,
  INSTANCE_ARTIFACTS_PROVIDERS,
  INSTANCE_STORE_PROVIDERS,
} from '../instances/instance-workers.providers';
import { LocalInstanceAgentAccess } from '../instances/local-instance-agent.access';
import { INSTANCE_WORKERS_CONFIG } from '../workers.tokens';
import { SiteCreationHandler } from './site-creation.handler';
import { SiteCreationService } from './site-creation.service';
import { SiteFailureRecorder } from './site-failure.recorder';
import { SiteHostRouter } from './site-host.router';
import { SitePackageUrls } from './site-package.urls';
import { SitePlugins } from './site-plugins';

const INSTANCE_AGENT_ACCESS = token<InstanceAgentAccess>('INSTANCE_AGENT_ACCESS');

/** `bbws-wp-site-creation`: SITE_CREATION on the instance's network through its agent. */
@Module({
  providers: [
    ...INSTANCE_STORE_PROVIDERS,
    ...INSTANCE_ARTIFACTS_PROVIDERS,
    provideClass(SiteDao, [DYNAMO_CONTEXT]),
    provideClass(InstalledPluginDao, [DYNAMO_CONTEXT]),
    provideClass(TemplateDao, [DYNAMO_CONTEXT]),
    provideClass(CataloguePluginDao, [DYNAMO_CONTEXT]),
    provideClass(PluginInstallability, [CataloguePluginDao]),
    provideFactory(
      RulePriorityDao,
      [DYNAMO_CONTEXT, CLOCK],
      (db, clock) => new RulePriorityDao(db, () => clock.now()),
    ),
    provideFactory(WordPressClient, [LOGGER], (logger) => new WordPressClient({ logger })),
    provideFactory(
      INSTANCE_AGENT_ACCESS,
      [INSTANCE_WORKERS_CONFIG],
      (config) => new LocalInstanceAgentAccess(config.dataDir, config.environments),
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
    provideFactory(
      SiteCreationService,
      [
        SiteDao,
        InstanceDao,
        TemplateDao,
        SitePlugins,
        SitePackageUrls,
        SiteHostRouter,
        WordPressClient,
        INSTANCE_AGENT_ACCESS,
        EventPublisher,
      ],
      (sites, instances, templates, plugins, urls, router, wordpress, agents, events) =>
        new SiteCreationService({
          sites,
          instances,
          templates,
          plugins,
          urls,
          router,
          wordpress,
          agents,
          events,
        }),
    ),
    provideClass(SiteFailureRecorder, [SiteDao, CLOCK]),
    provideClass(SiteCreationHandler, [SiteCreationService, SiteFailureRecorder]),
  ],
  exports: [SiteCreationHandler],
})
export class SiteCreationModule {}
