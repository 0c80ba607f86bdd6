import { AppError, ConflictError, NotFoundError, UpstreamError } from '@bbws/shared-errors';
import { ListenerRulesExhaustedError } from './listener-rules-exhausted.error';

/** What a failed call was about, so "not found" names the right thing. */
export interface CallSubject {
  action: string;
  cluster?: string;
  service?: string;
  ruleArn?: string;
  listenerArn?: string;
  targetGroupArn?: string;
  priority?: number;
}

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const REJECTED = new Set([
  'InvalidParameterException',
  'ValidationError',
  'ClientException',
  'AccessDeniedException',
]);

/** Maps an ECS / ELBv2 SDK failure onto our errors (not found, throttled, rejected, upstream). */
export function mapComputeError(error: unknown, subject: CallSubject): AppError {
  if (error instanceof AppError) return error;
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as SdkError;
  const name = sdk.name ?? 'Error';
  const status = sdk.$metadata?.httpStatusCode;
  const message = `${subject.action}: ${sdk.message ?? String(error)}`;
  switch (name) {
    case 'ServiceNotFoundException':
    case 'ServiceNotActiveException':
      return new NotFoundError('ECS_SERVICE', subject.service);
    case 'ClusterNotFoundException':
      return new NotFoundError('ECS_CLUSTER', subject.cluster);
    case 'RuleNotFoundException':
      return new NotFoundError('LISTENER_RULE', subject.ruleArn);
    case 'ListenerNotFoundException':
      return new NotFoundError('LISTENER', subject.listenerArn);
    case 'TargetGroupNotFoundException':
      return new NotFoundError('TARGET_GROUP', subject.targetGroupArn);
    case 'TooManyRulesException':
      return new ListenerRulesExhaustedError(subject.listenerArn, message);
    case 'PriorityInUseException':
      return new ConflictError('LISTENER_RULE_PRIORITY_IN_USE', message, {
        ...(subject.priority === undefined ? {} : { priority: subject.priority }),
      });
  }
  if (THROTTLING.has(name) || sdk.$retryable?.throttling)
    return new UpstreamError(message, {
      code: 'UPSTREAM_THROTTLED',
      upstreamStatus: status,
      retryable: true,
    });
  if (REJECTED.has(name))
    return new UpstreamError(message, { code: 'COMPUTE_REJECTED', upstreamStatus: status, retryable: false });
  return new UpstreamError(message, {
    code: 'COMPUTE_UNAVAILABLE',
    upstreamStatus: status,
    retryable: status === undefined || status >= 500,
  });
}
