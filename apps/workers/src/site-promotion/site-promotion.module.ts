import { Module, type Type } from '@nestjs/common';
import type { OperationHandler } from '@bbws/platform-operations';

/** SITE_PROMOTION on `bbws-wp-site-update`. */
export const SITE_PROMOTION_HANDLERS: Type<OperationHandler>[] = [];

@Module({ providers: [], exports: SITE_PROMOTION_HANDLERS })
export class SitePromotionModule {}
