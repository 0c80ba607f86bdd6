import { AwsApiError } from './aws-api.error';
import type { DataPlaneState } from './data-plane.state';

/** ELBv2 quotas for Application Load Balancers, as AWS enforces them. */
export const ELBV2_QUOTAS = {
  /** Condition values per rule (every host-header value counts, wildcards included). */
  conditionValuesPerRule: 5,
  /** Rules per load balancer, default rules not counted. */
  rulesPerLoadBalancer: 100,
  minPriority: 1,
  maxPriority: 50_000,
} as const;

export function assertConditionValues(count: number): void {
  if (count > ELBV2_QUOTAS.conditionValuesPerRule)
    throw new AwsApiError(
      'ValidationError',
      `A rule can only have '${ELBV2_QUOTAS.conditionValuesPerRule}' condition values`,
    );
}

/** CreateRule's `Priority`: a whole number from 1 to 50000 that no other rule of the listener has. */
export function assertPriorityAvailable(
  state: DataPlaneState,
  listenerArn: string,
  raw: string | undefined,
): number {
  const priority = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw))
    throw new AwsApiError('ValidationError', 'A priority from 1 to 50000 is required.');
  if (priority < ELBV2_QUOTAS.minPriority)
    throw new AwsApiError(
      'ValidationError',
      `1 validation error detected: Value '${raw}' at 'priority' failed to satisfy constraint: Member must have value greater than or equal to ${ELBV2_QUOTAS.minPriority}`,
    );
  if (priority > ELBV2_QUOTAS.maxPriority)
    throw new AwsApiError(
      'ValidationError',
      `1 validation error detected: Value '${raw}' at 'priority' failed to satisfy constraint: Member must have value less than or equal to ${ELBV2_QUOTAS.maxPriority}`,
    );
  if (
    Object.values(state.rules).some((rule) => rule.listenerArn === listenerArn && rule.priority === priority)
  )
    throw new AwsApiError('PriorityInUse', `Priority '${priority}' is currently in use`);
  return priority;
}

/** One more rule on the listener's load balancer must stay within 100 (default rules not counted). */
export function assertRoomForRule(state: DataPlaneState, listenerArn: string): void {
  const listeners = Object.values(state.listeners);
  const loadBalancerArn = listeners.find(
    (listener) => listener?.listenerArn === listenerArn,
  )?.loadBalancerArn;
  const sameLoadBalancer = new Set(
    listeners
      .filter((listener) => listener?.loadBalancerArn === loadBalancerArn)
      .map((listener) => listener?.listenerArn),
  );
  const rules = Object.values(state.rules).filter(
    (rule) => rule.priority !== undefined && sameLoadBalancer.has(rule.listenerArn),
  ).length;
  if (rules >= ELBV2_QUOTAS.rulesPerLoadBalancer)
    throw new AwsApiError(
      'TooManyRules',
      `You've reached the limit on the number of rules per load balancer (${ELBV2_QUOTAS.rulesPerLoadBalancer})`,
    );
}
