import { Module, type Type } from '@nestjs/common';
import type { OperationHandler } from '@bbws/platform-operations';

/** SITE_DELETION on `bbws-wp-site-deletion`. */
export const SITE_DELETION_HANDLERS: Type<OperationHandler>[] = [];

@Module({ providers: [], exports: SITE_DELETION_HANDLERS })
export class SiteDeletionModule {}
