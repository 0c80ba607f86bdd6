import type { Action, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';
import { UpstreamError } from '@bbws/shared-errors';
import type { RuleAction, RuleSnapshot } from './compute.port';

/** The hosts a rule's host-header conditions name (both the legacy `Values` and `HostHeaderConfig`). */
export function ruleHosts(rule: Rule): string[] {
  const hosts = (rule.Conditions ?? [])
    .filter((condition) => condition.Field === 'host-header')
    .flatMap((condition) => [...(condition.HostHeaderConfig?.Values ?? []), ...(condition.Values ?? [])]);
  return [...new Set(hosts.map((host) => host.toLowerCase()))];
}

export function toRuleSnapshot(rule: Rule): RuleSnapshot {
  return {
    ruleArn: rule.RuleArn ?? '',
    priority: rule.Priority ?? '',
    hosts: ruleHosts(rule),
    action: terminalAction(rule),
  };
}

/** The action that answers the request: the last one by order (authenticate actions come first). */
function terminalAction(rule: Rule): RuleAction {
  const actions = [...(rule.Actions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  const last: Action | undefined = actions[actions.length - 1];
  if (last?.Type === 'forward') {
    const targetGroupArn = last.TargetGroupArn ?? last.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn;
    if (targetGroupArn) return { type: 'forward', targetGroupArn };
  }
  if (last?.Type === 'fixed-response' && last.FixedResponseConfig) {
    const config = last.FixedResponseConfig;
    return {
      type: 'fixed-response',
      statusCode: Number(config.StatusCode),
      contentType: config.ContentType ?? 'text/plain',
      body: config.MessageBody ?? '',
    };
  }
  throw new UpstreamError(
    `Listener rule ${rule.RuleArn} has an action the platform does not manage (${last?.Type})`,
    {
      code: 'COMPUTE_UNSUPPORTED_RULE',
      retryable: false,
    },
  );
}
