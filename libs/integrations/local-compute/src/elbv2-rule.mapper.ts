import { AwsApiError } from './aws-api.error';
import { assertConditionValues } from './elbv2-quotas';
import type { RuleActionState, RuleState } from './data-plane.state';
import { asList, asObject, asString, type QueryObject, type XmlValue } from './elbv2-query.codec';

const CONTENT_TYPES = new Set([
  'text/plain',
  'text/css',
  'text/html',
  'application/javascript',
  'application/json',
]);

/** A rule as DescribeRules / ModifyRule answer it. */
export function ruleXml(rule: RuleState): XmlValue {
  return {
    RuleArn: rule.ruleArn,
    Priority: rule.priority === undefined ? 'default' : String(rule.priority),
    Conditions: rule.hosts.length
      ? [{ Field: 'host-header', Values: rule.hosts, HostHeaderConfig: { Values: rule.hosts } }]
      : [],
    Actions: [actionXml(rule.action)],
    IsDefault: rule.priority === undefined,
  };
}

function actionXml(action: RuleActionState): XmlValue {
  if (action.type === 'forward')
    return {
      Type: 'forward',
      Order: 1,
      TargetGroupArn: action.targetGroupArn,
      ForwardConfig: {
        TargetGroups: [{ TargetGroupArn: action.targetGroupArn, Weight: 1 }],
        TargetGroupStickinessConfig: { Enabled: false },
      },
    };
  return {
    Type: 'fixed-response',
    Order: 1,
    FixedResponseConfig: {
      MessageBody: action.messageBody,
      StatusCode: action.statusCode,
      ContentType: action.contentType,
    },
  };
}

/** ModifyRule's `Actions` (one forward or fixed-response action; the only kinds the platform writes). */
export function parseActions(
  actions: QueryObject[],
  targetGroupExists: (arn: string) => boolean,
): RuleActionState {
  if (actions.length !== 1)
    throw new AwsApiError('ValidationError', 'Exactly one action (forward or fixed-response) is supported.');
  const action = actions[0];
  const type = asString(action.Type);
  if (type === 'forward') {
    const targetGroups = asList(asObject(action.ForwardConfig).TargetGroups).map(asObject);
    const targetGroupArn = asString(action.TargetGroupArn) ?? asString(targetGroups[0]?.TargetGroupArn);
    if (!targetGroupArn) throw new AwsApiError('ValidationError', 'A forward action needs a target group.');
    if (!targetGroupExists(targetGroupArn))
      throw new AwsApiError('TargetGroupNotFound', `Target group '${targetGroupArn}' not found`);
    return { type: 'forward', targetGroupArn };
  }
  if (type === 'fixed-response') {
    const config = asObject(action.FixedResponseConfig);
    const statusCode = asString(config.StatusCode) ?? '';
    const contentType = asString(config.ContentType) ?? 'text/plain';
    const messageBody = asString(config.MessageBody) ?? '';
    if (!/^[245]\d\d$/.test(statusCode))
      throw new AwsApiError(
        'ValidationError',
        'FixedResponseConfig.StatusCode must be a 2XX, 4XX or 5XX code.',
      );
    if (!CONTENT_TYPES.has(contentType))
      throw new AwsApiError(
        'ValidationError',
        `FixedResponseConfig.ContentType '${contentType}' is not supported.`,
      );
    if (messageBody.length > 1024)
      throw new AwsApiError(
        'ValidationError',
        'FixedResponseConfig.MessageBody must be at most 1024 characters.',
      );
    return { type: 'fixed-response', statusCode, contentType, messageBody };
  }
  throw new AwsApiError('ValidationError', `Action type '${type}' is not supported by the local data plane.`);
}

/**
 * CreateRule's and ModifyRule's `Conditions`: host-header ones only (legacy `Values` or
 * `HostHeaderConfig.Values`), at most 5 values in all.
 */
export function parseHostConditions(conditions: QueryObject[]): string[] {
  const hosts = conditions.flatMap((condition) => {
    if (asString(condition.Field) !== 'host-header')
      throw new AwsApiError(
        'ValidationError',
        `Condition field '${asString(condition.Field)}' is not supported.`,
      );
    const values = [...asList(asObject(condition.HostHeaderConfig).Values), ...asList(condition.Values)];
    return values.map((value) => (asString(value) ?? '').toLowerCase());
  });
  if (!hosts.length || hosts.some((host) => !host || host.length > 128))
    throw new AwsApiError(
      'ValidationError',
      'A host-header condition needs 1 or more values of at most 128 characters.',
    );
  assertConditionValues(hosts.length);
  return [...new Set(hosts)];
}
