import { Module, type Type } from '@nestjs/common';
import type { OperationHandler } from '@bbws/platform-operations';

/** SITE_UPDATE, SITE_STATUS_CHANGE, TEMPLATE_APPLICATION, BACKUP and RESTORE on `bbws-wp-site-update`. */
export const SITE_CHANGE_HANDLERS: Type<OperationHandler>[] = [];

@Module({ providers: [], exports: SITE_CHANGE_HANDLERS })
export class SiteChangesModule {}
