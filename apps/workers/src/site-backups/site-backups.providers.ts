import type { Provider } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import { BackupDao } from '@bbws/data-access-sites';
import { INSTANCE_AGENT_ACCESS } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { CLOCK, provideFactory } from '@bbws/platform-bootstrap';
import { ARTIFACT_STORE } from '../instances/instance-workers.providers';
import { SiteBackups } from './site-backups';

/** {@link SiteBackups}, for a module that also spreads SITE_WORKER_PROVIDERS. */
export const SITE_BACKUP_PROVIDERS: Provider[] = [
  provideFactory(
    SiteBackups,
    [BackupDao, InstanceDao, ARTIFACT_STORE, WordPressClient, INSTANCE_AGENT_ACCESS, CLOCK],
    (backups, instances, artifacts, wordpress, agents, clock) =>
      new SiteBackups({ backups, instances, artifacts, wordpress, agents, clock }),
  ),
];
