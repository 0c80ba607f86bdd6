import { ValidationError } from '@bbws/shared-errors';

/** ELBv2 allows 5 condition values per rule; every host-header value is one. */
export const HOST_VALUES_PER_RULE = 5;

/** A listener rule routing some of an instance's hosts to its target group. */
export interface HostRule {
  ruleArn: string;
  priority: number;
  /** Lower-case host names, as the rule's host-header condition lists them. */
  hosts: string[];
}

/**
 * The one ELBv2 change that adds or removes a host. `create` carries no priority: the caller asks
 * for one only when a rule must be created, so no priority is reserved for nothing.
 */
export type HostRuleChange =
  | { type: 'none' }
  | { type: 'modify'; ruleArn: string; hosts: string[] }
  | { type: 'create'; hosts: string[] }
  | { type: 'delete'; ruleArn: string };

/**
 * Adds `host` to the first rule with room (the instance's own rule first, then the others in the
 * order given), or to a new rule when every rule holds 5 values; nothing when a rule routes it already.
 */
export function planHostAddition(rules: readonly HostRule[], host: string): HostRuleChange {
  const wanted = normalized(host);
  assertOwnRule(rules);
  if (rules.some((rule) => rule.hosts.includes(wanted))) return { type: 'none' };
  const roomy = rules.find((rule) => rule.hosts.length < HOST_VALUES_PER_RULE);
  if (!roomy) return { type: 'create', hosts: [wanted] };
  return { type: 'modify', ruleArn: roomy.ruleArn, hosts: [...roomy.hosts, wanted] };
}

/**
 * Takes `host` out of the rule naming it; a rule left with no host is deleted, except the instance's
 * own rule (the first), which must keep one. Nothing when no rule routes the host.
 */
export function planHostRemoval(rules: readonly HostRule[], host: string): HostRuleChange {
  const unwanted = normalized(host);
  assertOwnRule(rules);
  const index = rules.findIndex((rule) => rule.hosts.includes(unwanted));
  if (index < 0) return { type: 'none' };
  const rule = rules[index];
  const hosts = rule.hosts.filter((candidate) => candidate !== unwanted);
  if (hosts.length) return { type: 'modify', ruleArn: rule.ruleArn, hosts };
  if (index === 0)
    throw ValidationError.field('host', `${unwanted} is the last host of the instance's own listener rule`);
  return { type: 'delete', ruleArn: rule.ruleArn };
}

function assertOwnRule(rules: readonly HostRule[]): void {
  if (!rules.length) throw new ValidationError("The instance's own listener rule must come first");
}

function normalized(host: string): string {
  const value = host.trim().toLowerCase().replace(/\.$/, '');
  if (!value || value.length > 128)
    throw ValidationError.field('host', 'must be a host name of 1-128 characters');
  return value;
}
