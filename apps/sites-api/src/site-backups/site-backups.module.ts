import { Module, type DynamicModule } from '@nestjs/common';
import { OperationDao, ResourceLockReader } from '@bbws/data-access-operations';
import { BackupDao, SiteDao } from '@bbws/data-access-sites';
import { ARTIFACT_STORE, type ArtifactStore } from '@bbws/integrations-artifacts';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass, provideValue } from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import { SiteOperations } from '../sites/use-cases/site-operations';
import { SiteBackupsController } from './site-backups.controller';
import { SiteBackupsService } from './site-backups.service';
import { SiteRestoreController } from './site-restore.controller';
import { BackupOperations } from './use-cases/backup-operations';

/** A site's backups: reads, BACKUP and RESTORE operations, deletion of the archive and the record. */
@Module({})
export class SiteBackupsModule {
  static register(options: { artifacts: ArtifactStore }): DynamicModule {
    return {
      module: SiteBackupsModule,
      imports: [ProducerModule],
      controllers: [SiteBackupsController, SiteRestoreController],
      providers: [
        provideValue(ARTIFACT_STORE, options.artifacts),
        provideClass(SiteDao, [DYNAMO_CONTEXT]),
        provideClass(BackupDao, [DYNAMO_CONTEXT]),
        provideClass(OperationDao, [DYNAMO_CONTEXT]),
        provideClass(ResourceLockReader, [DYNAMO_CONTEXT]),
        provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
        provideClass(SiteOperations, [
          SiteDao,
          TenantAccessService,
          ResourceLockReader,
          OperationLauncher,
          CLOCK,
        ]),
        provideClass(SiteBackupsService, [
          SiteDao,
          BackupDao,
          TenantAccessService,
          ResourceLockReader,
          ARTIFACT_STORE,
        ]),
        provideClass(BackupOperations, [SiteOperations, BackupDao]),
      ],
    };
  }
}
