import { BusinessRuleError } from '@bbws/shared-errors';

/**
 * The listener's load balancer holds 100 rules besides its default (ELBv2 `TooManyRules`): no new
 * rule for more hosts until a rule is freed or the instance moves to another load balancer.
 */
export class ListenerRulesExhaustedError extends BusinessRuleError {
  constructor(listenerArn: string | undefined, message: string) {
    super('LISTENER_RULES_EXHAUSTED', message, listenerArn ? { listenerArn } : undefined);
  }
}
