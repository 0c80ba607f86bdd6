import { Module } from '@nestjs/common';
import { TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao } from '@bbws/data-access-instances';
import { SiteDao } from '@bbws/data-access-sites';
import { INSTANCE_AGENT_ACCESS } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import { SiteCloneModule } from '../site-clone/site-clone.module';
import { SiteCreationHandler } from './site-creation.handler';
import { SiteCreationService } from './site-creation.service';
import { SiteFailureRecorder } from './site-failure.recorder';
import { SiteHostRouter } from './site-host.router';
import { SitePackageUrls } from './site-package.urls';
import { SitePlugins } from './site-plugins';
import { SITE_WORKER_PROVIDERS } from './site-workers.providers';

/** `bbws-wp-site-creation`: SITE_CREATION on the instance's network through its agent. */
@Module({
  imports: [SiteCloneModule],
  providers: [
    ...SITE_WORKER_PROVIDERS,
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
    provideClass(SiteCreationHandler, [SiteCreationService, SiteFailureRecorder]),
  ],
  exports: [SiteCreationHandler],
})
export class SiteCreationModule {}
