import { Module, type Type } from '@nestjs/common';
import type { OperationHandler } from '@bbws/platform-operations';

/** SITE_CLONE on `bbws-wp-site-creation`. */
export const SITE_CLONE_HANDLERS: Type<OperationHandler>[] = [];

@Module({ providers: [], exports: SITE_CLONE_HANDLERS })
export class SiteCloneModule {}
