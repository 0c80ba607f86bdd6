import { BusinessRuleError } from '@bbws/shared-errors';

/** The tenant already has as many webhook subscriptions as it may. */
export class WebhookLimitError extends BusinessRuleError {
  constructor(limit: number) {
    super('WEBHOOK_LIMIT', `A tenant can have at most ${limit} webhooks`, { limit });
  }
}
