import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateRuleCommand,
  DeleteRuleCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  ModifyRuleCommand,
  type ElasticLoadBalancingV2Client,
  type Rule,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { AppError, InternalError, NotFoundError, UpstreamError } from '@bbws/shared-errors';
import type { CallSubject } from './compute-error.mapper';
import type { HostRulesTarget, NextPriority, SiteHostChange, SiteHostRef } from './compute.port';
import { planHostAddition, planHostRemoval, type HostRule, type HostRuleChange } from './host-rules.planner';
import { ruleHosts } from './rule-snapshot.mapper';

/** Tag on the rules created for site hosts: the target group they forward to. */
export const SITE_HOSTS_TAG = 'bbws:site-hosts';
/** Same key as the adapter's FORWARD_TARGET_TAG: a rule in maintenance names its target group here. */
const FORWARD_TARGET_TAG = 'bbws:forward-target-group';
const TAGS_PER_CALL = 20;

export interface SiteHostRulesOptions {
  /** Plan-write-check rounds before giving up on a contended listener (default 6). */
  attempts?: number;
  /** Floor of the wait before the second check (default 100 ms). */
  settleMs?: number;
  /** New priorities asked of `nextPriority` per round when ELBv2 says one is in use (default 5). */
  priorityAttempts?: number;
}

type Call = <T>(subject: CallSubject, send: () => Promise<T>) => Promise<T>;

/**
 * Site hosts packed into an instance's listener rules. ELBv2 has no conditional ModifyRule, so two
 * writers that read the same rule can each replace its values and one host is lost. Each change is
 * therefore checked: the rules are read back right after the write and again after a settle time
 * (twice the round's own duration, at least `settleMs`) so that a concurrent write based on an
 * older read has landed; a host found missing (or still present, on remove) is planned and written
 * again, up to `attempts` rounds.
 */
export class SiteHostRules {
  private readonly attempts: number;
  private readonly settleMs: number;
  private readonly priorityAttempts: number;

  constructor(
    private readonly elbv2: (environment: HostingEnvironment) => ElasticLoadBalancingV2Client,
    private readonly call: Call,
    options: SiteHostRulesOptions = {},
  ) {
    this.attempts = options.attempts ?? 6;
    this.settleMs = options.settleMs ?? 100;
    this.priorityAttempts = options.priorityAttempts ?? 5;
  }

  async list(target: HostRulesTarget): Promise<HostRule[]> {
    const rules = (await this.describeListener(target)).filter((rule) => !rule.IsDefault);
    const candidates = rules.filter(
      (rule) => forwardsTo(rule) === target.targetGroupArn || !forwardsTo(rule),
    );
    const tags = await this.tagsOf(
      target.environment,
      candidates.map((rule) => rule.RuleArn ?? ''),
    );
    const tagged = (rule: Rule, key: string) => tags.get(rule.RuleArn ?? '')?.[key] === target.targetGroupArn;
    const mine = candidates.filter(
      (rule) =>
        forwardsTo(rule) === target.targetGroupArn ||
        tagged(rule, FORWARD_TARGET_TAG) ||
        tagged(rule, SITE_HOSTS_TAG),
    );
    const own = mine.filter((rule) => !tagged(rule, SITE_HOSTS_TAG)).sort(byPriority)[0];
    if (!own) throw new NotFoundError('LISTENER_RULE', `for target group ${target.targetGroupArn}`);
    return [own, ...mine.filter((rule) => tagged(rule, SITE_HOSTS_TAG)).sort(byPriority)].map(toHostRule);
  }

  async add(ref: SiteHostRef, nextPriority: NextPriority): Promise<SiteHostChange> {
    return this.converge(
      ref,
      planHostAddition,
      (rules) => routedBy(rules, ref.host) !== undefined,
      nextPriority,
    );
  }

  async remove(ref: SiteHostRef): Promise<SiteHostChange> {
    return this.converge(ref, planHostRemoval, (rules) => routedBy(rules, ref.host) === undefined);
  }

  private async converge(
    ref: SiteHostRef,
    plan: (rules: readonly HostRule[], host: string) => HostRuleChange,
    done: (rules: HostRule[]) => boolean,
    nextPriority?: NextPriority,
  ): Promise<SiteHostChange> {
    const host = ref.host.trim().toLowerCase();
    let last: Omit<SiteHostChange, 'writes'> = { host, action: 'none' };
    let writes = 0;
    for (let round = 1; round <= this.attempts; round++) {
      const started = Date.now();
      const rules = await this.list(ref);
      const change = plan(rules, host);
      if (change.type === 'none') {
        if (writes === 0) last = { host, action: 'none', ...ruleOf(routedBy(rules, host)) };
        return { ...last, writes };
      }
      const written = await this.write(ref, change, nextPriority);
      writes += 1;
      if (written) last = { host, ...written };
      if (done(await this.list(ref))) {
        await sleep(Math.max(this.settleMs, 2 * (Date.now() - started)) + Math.random() * this.settleMs);
        if (done(await this.list(ref))) return { ...last, writes };
      }
      await sleep(Math.random() * this.settleMs * round);
    }
    throw new UpstreamError(
      `Listener ${ref.listenerArn} kept changing while ${host} was being written; try again`,
      { code: 'LISTENER_RULES_CONTENDED', retryable: true, details: { host, writes } },
    );
  }

  /** Applies one planned change; undefined when a concurrent writer deleted the rule first. */
  private async write(
    ref: SiteHostRef,
    change: Exclude<HostRuleChange, { type: 'none' }>,
    nextPriority?: NextPriority,
  ): Promise<Omit<SiteHostChange, 'host' | 'writes'> | undefined> {
    const client = this.elbv2(ref.environment);
    try {
      switch (change.type) {
        case 'modify': {
          const output = await this.call({ action: 'ModifyRule', ruleArn: change.ruleArn }, () =>
            client.send(
              new ModifyRuleCommand({
                RuleArn: change.ruleArn,
                Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: change.hosts } }],
              }),
            ),
          );
          return { action: 'modified', ...ruleOf(output.Rules?.[0] && toHostRule(output.Rules[0])) };
        }
        case 'delete':
          await this.call({ action: 'DeleteRule', ruleArn: change.ruleArn }, () =>
            client.send(new DeleteRuleCommand({ RuleArn: change.ruleArn })),
          );
          return { action: 'deleted', ruleArn: change.ruleArn };
        case 'create':
          return { action: 'created', ...(await this.create(ref, change.hosts, nextPriority)) };
      }
    } catch (error) {
      if (error instanceof NotFoundError && error.code === 'LISTENER_RULE_NOT_FOUND') return undefined;
      throw error;
    }
  }

  private async create(
    ref: SiteHostRef,
    hosts: string[],
    nextPriority?: NextPriority,
  ): Promise<{ ruleArn?: string; priority?: number }> {
    if (!nextPriority) throw new InternalError('Creating a listener rule needs a priority');
    for (let attempt = 1; ; attempt++) {
      const priority = await nextPriority();
      try {
        const output = await this.call(
          {
            action: 'CreateRule',
            listenerArn: ref.listenerArn,
            targetGroupArn: ref.targetGroupArn,
            priority,
          },
          () =>
            this.elbv2(ref.environment).send(
              new CreateRuleCommand({
                ListenerArn: ref.listenerArn,
                Priority: priority,
                Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: hosts } }],
                Actions: [{ Type: 'forward', Order: 1, TargetGroupArn: ref.targetGroupArn }],
                Tags: [{ Key: SITE_HOSTS_TAG, Value: ref.targetGroupArn }],
              }),
            ),
        );
        return { ruleArn: output.Rules?.[0]?.RuleArn, priority };
      } catch (error) {
        const inUse = error instanceof AppError && error.code === 'LISTENER_RULE_PRIORITY_IN_USE';
        if (!inUse || attempt >= this.priorityAttempts) throw error;
      }
    }
  }

  private async describeListener(target: HostRulesTarget): Promise<Rule[]> {
    const rules: Rule[] = [];
    let marker: string | undefined;
    do {
      const output = await this.call({ action: 'DescribeRules', listenerArn: target.listenerArn }, () =>
        this.elbv2(target.environment).send(
          new DescribeRulesCommand({ ListenerArn: target.listenerArn, Marker: marker, PageSize: 100 }),
        ),
      );
      rules.push(...(output.Rules ?? []));
      marker = output.NextMarker;
    } while (marker);
    return rules;
  }

  private async tagsOf(
    environment: HostingEnvironment,
    ruleArns: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const tags = new Map<string, Record<string, string>>();
    for (let start = 0; start < ruleArns.length; start += TAGS_PER_CALL) {
      const batch = ruleArns.slice(start, start + TAGS_PER_CALL);
      const output = await this.call({ action: 'DescribeTags', ruleArn: batch[0] }, () =>
        this.elbv2(environment).send(new DescribeTagsCommand({ ResourceArns: batch })),
      );
      for (const description of output.TagDescriptions ?? [])
        tags.set(
          description.ResourceArn ?? '',
          Object.fromEntries((description.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
        );
    }
    return tags;
  }
}

/** The target group a rule's answering action forwards to; undefined for any other action (maintenance). */
function forwardsTo(rule: Rule): string | undefined {
  const actions = [...(rule.Actions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  const last = actions[actions.length - 1];
  if (last?.Type !== 'forward') return undefined;
  return last.TargetGroupArn ?? last.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn;
}

function toHostRule(rule: Rule): HostRule {
  return { ruleArn: rule.RuleArn ?? '', priority: Number(rule.Priority), hosts: ruleHosts(rule) };
}

function byPriority(a: Rule, b: Rule): number {
  return Number(a.Priority) - Number(b.Priority);
}

function routedBy(rules: HostRule[], host: string): HostRule | undefined {
  const wanted = host.trim().toLowerCase();
  return rules.find((rule) => rule.hosts.includes(wanted));
}

function ruleOf(rule: HostRule | undefined): { ruleArn?: string; priority?: number } {
  return rule ? { ruleArn: rule.ruleArn, priority: rule.priority } : {};
}
