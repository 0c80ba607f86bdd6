import { ConflictError, NotFoundError, UpstreamError } from '@bbws/shared-errors';
import { mapComputeError } from './compute-error.mapper';
import { ListenerRulesExhaustedError } from './listener-rules-exhausted.error';

const sdkError = (name: string, status = 400, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, ...extra });

describe('mapComputeError', () => {
  const subject = {
    action: 'UpdateService',
    cluster: 'dev-cluster',
    service: 'dev-acme-service',
    ruleArn: 'arn:rule',
  };

  it.each([
    ['ServiceNotFoundException', 'ECS_SERVICE_NOT_FOUND', 'Ecs service dev-acme-service was not found'],
    ['ClusterNotFoundException', 'ECS_CLUSTER_NOT_FOUND', 'Ecs cluster dev-cluster was not found'],
    ['RuleNotFoundException', 'LISTENER_RULE_NOT_FOUND', 'Listener rule arn:rule was not found'],
  ])('maps %s to a 404 %s naming the thing', (name, code, message) => {
    const mapped = mapComputeError(sdkError(name), subject);
    expect(mapped).toBeInstanceOf(NotFoundError);
    expect(mapped).toMatchObject({ code, status: 404, message });
  });

  it('maps throttling to a retryable UPSTREAM_THROTTLED', () => {
    expect(mapComputeError(sdkError('ThrottlingException'), subject)).toMatchObject({
      code: 'UPSTREAM_THROTTLED',
      retryable: true,
      status: 502,
    });
    expect(
      mapComputeError(sdkError('SomethingElse', 400, { $retryable: { throttling: true } }), subject),
    ).toMatchObject({
      code: 'UPSTREAM_THROTTLED',
    });
  });

  it('maps a rejected request to a non-retryable COMPUTE_REJECTED and outages to a retryable COMPUTE_UNAVAILABLE', () => {
    expect(mapComputeError(sdkError('InvalidParameterException'), subject)).toMatchObject({
      code: 'COMPUTE_REJECTED',
      retryable: false,
      message: 'UpdateService: InvalidParameterException happened',
    });
    const outage = mapComputeError(sdkError('ServerException', 500), subject);
    expect(outage).toBeInstanceOf(UpstreamError);
    expect(outage).toMatchObject({ code: 'COMPUTE_UNAVAILABLE', retryable: true, upstreamStatus: 500 });
    expect(mapComputeError(new Error('connect ECONNREFUSED'), subject)).toMatchObject({ retryable: true });
  });

  it('maps TooManyRules to a 422 LISTENER_RULES_EXHAUSTED naming the listener, PriorityInUse to a 409', () => {
    const rules = { action: 'CreateRule', listenerArn: 'arn:listener', priority: 42 };
    const exhausted = mapComputeError(sdkError('TooManyRulesException'), rules);
    expect(exhausted).toBeInstanceOf(ListenerRulesExhaustedError);
    expect(exhausted).toMatchObject({
      status: 422,
      code: 'LISTENER_RULES_EXHAUSTED',
      retryable: false,
      details: { listenerArn: 'arn:listener' },
    });
    const inUse = mapComputeError(sdkError('PriorityInUseException'), rules);
    expect(inUse).toBeInstanceOf(ConflictError);
    expect(inUse).toMatchObject({
      status: 409,
      code: 'LISTENER_RULE_PRIORITY_IN_USE',
      details: { priority: 42 },
    });
  });
});
