import type { Provider } from '@nestjs/common';
import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao } from '@bbws/data-access-instances';
import { InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { INSTANCE_AGENT_ACCESS } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { ARTIFACT_STORE } from '../instances/instance-workers.providers';
import { SiteNetwork } from '../sites/site-network';
import { SitePackageUrls } from '../sites/site-package.urls';
import { SitePlugins } from '../sites/site-plugins';
import { SITE_WORKER_PROVIDERS } from '../sites/site-workers.providers';
import { SitePackageCopies } from './site-package.copies';
import { SiteTransfer } from './site-transfer';

/** The site workers' providers plus what copies a site's content and plugins (clone, promotion). */
export const SITE_COPY_PROVIDERS: Provider[] = [
  ...SITE_WORKER_PROVIDERS,
  provideFactory(
    SiteNetwork,
    [SiteDao, InstanceDao, INSTANCE_AGENT_ACCESS, WordPressClient],
    (sites, instances, agents, wordpress) => new SiteNetwork({ sites, instances, agents, wordpress }),
  ),
  provideClass(SiteTransfer, [ARTIFACT_STORE, WordPressClient]),
  provideClass(SitePackageCopies, [
    InstalledPluginDao,
    CataloguePluginDao,
    TemplateDao,
    SitePlugins,
    SitePackageUrls,
    WordPressClient,
    SiteNetwork,
  ]),
];
