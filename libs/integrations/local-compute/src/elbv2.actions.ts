import { AwsApiError } from './aws-api.error';
import type { RuleState } from './data-plane.state';
import { assertPriorityAvailable, assertRoomForRule } from './elbv2-quotas';
import { parseActions, parseHostConditions, ruleXml } from './elbv2-rule.mapper';
import { asList, asObject, asString, type QueryObject, type XmlValue } from './elbv2-query.codec';
import type { LocalDataPlane } from './local-data-plane';

/** The ELBv2 actions the compute adapter uses, over the data plane's state (query protocol params). */
export class Elbv2Actions {
  constructor(private readonly plane: LocalDataPlane) {}

  async handle(action: string, params: QueryObject): Promise<Record<string, XmlValue>> {
    switch (action) {
      case 'DescribeRules':
        return this.describeRules(params);
      case 'ModifyRule':
        return this.modifyRule(params);
      case 'CreateRule':
        return this.createRule(params);
      case 'DeleteRule':
        return this.deleteRule(params);
      case 'AddTags':
        return this.addTags(params);
      case 'DescribeTags':
        return this.describeTags(params);
      default:
        throw new AwsApiError('InvalidAction', `The local data plane does not implement ELBv2 ${action}`);
    }
  }

  private describeRules(params: QueryObject): Record<string, XmlValue> {
    const listenerArn = asString(params.ListenerArn);
    const ruleArns = asList(params.RuleArns).map((arn) => asString(arn) ?? '');
    if (Boolean(listenerArn) === Boolean(ruleArns.length))
      throw new AwsApiError('ValidationError', 'Specify either a listener ARN or rule ARNs.');
    let rules: RuleState[];
    if (listenerArn) {
      if (!this.listenerExists(listenerArn))
        throw new AwsApiError('ListenerNotFound', `Listener '${listenerArn}' not found`);
      rules = Object.values(this.plane.current.rules)
        .filter((rule) => rule.listenerArn === listenerArn)
        .sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER));
    } else rules = ruleArns.map((arn) => this.rule(arn));
    const pageSize = Number(asString(params.PageSize) ?? 400);
    const start = Number(asString(params.Marker) ?? 0);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 400)
      throw new AwsApiError('ValidationError', 'PageSize must be from 1 to 400.');
    if (!Number.isInteger(start) || start < 0)
      throw new AwsApiError('ValidationError', 'Marker is not valid.');
    const page = rules.slice(start, start + pageSize);
    const next = start + pageSize < rules.length ? String(start + pageSize) : undefined;
    return { Rules: page.map(ruleXml), NextMarker: next };
  }

  private async modifyRule(params: QueryObject): Promise<Record<string, XmlValue>> {
    const rule = this.rule(asString(params.RuleArn) ?? '');
    const actions = asList(params.Actions).map(asObject);
    const conditions = asList(params.Conditions).map(asObject);
    const action = actions.length
      ? parseActions(actions, (arn) => Boolean(this.plane.current.targetGroups[arn]))
      : undefined;
    const hosts = conditions.length ? parseHostConditions(conditions) : undefined;
    if (hosts && rule.priority === undefined)
      throw new AwsApiError('OperationNotPermitted', 'The default rule cannot have conditions.');
    if (action) rule.action = action;
    if (hosts) rule.hosts = hosts;
    await this.plane.save();
    return { Rules: [ruleXml(rule)] };
  }

  private async createRule(params: QueryObject): Promise<Record<string, XmlValue>> {
    const listenerArn = asString(params.ListenerArn) ?? '';
    if (!this.listenerExists(listenerArn))
      throw new AwsApiError('ListenerNotFound', `Listener '${listenerArn}' not found`);
    const conditions = asList(params.Conditions).map(asObject);
    if (!conditions.length) throw new AwsApiError('ValidationError', 'A rule needs at least one condition.');
    const hosts = parseHostConditions(conditions);
    const action = parseActions(asList(params.Actions).map(asObject), (arn) =>
      Boolean(this.plane.current.targetGroups[arn]),
    );
    const priority = assertPriorityAvailable(this.plane.current, listenerArn, asString(params.Priority));
    assertRoomForRule(this.plane.current, listenerArn);
    const tags = Object.fromEntries(
      asList(params.Tags)
        .map(asObject)
        .map((tag) => [asString(tag.Key) ?? '', asString(tag.Value) ?? '']),
    );
    const rule: RuleState = {
      ruleArn: this.plane.arns.rule(listenerArn),
      listenerArn,
      priority,
      hosts,
      action,
      tags,
    };
    this.plane.current.rules[rule.ruleArn] = rule;
    await this.plane.save();
    return { Rules: [ruleXml(rule)] };
  }

  private async deleteRule(params: QueryObject): Promise<Record<string, XmlValue>> {
    const rule = this.rule(asString(params.RuleArn) ?? '');
    if (rule.priority === undefined)
      throw new AwsApiError('OperationNotPermitted', 'Default rules cannot be deleted.');
    if (Object.values(this.plane.current.services).some((service) => service.ruleArn === rule.ruleArn))
      throw new AwsApiError(
        'OperationNotPermitted',
        "The local data plane keeps an instance's own rule until the instance is deregistered.",
      );
    delete this.plane.current.rules[rule.ruleArn];
    await this.plane.save();
    return {};
  }

  private async addTags(params: QueryObject): Promise<Record<string, XmlValue>> {
    const tags = asList(params.Tags).map(asObject);
    const targets = asList(params.ResourceArns).map((arn) => this.taggable(asString(arn) ?? ''));
    if (!targets.length || !tags.length)
      throw new AwsApiError('ValidationError', 'ResourceArns and Tags are required.');
    for (const target of targets)
      for (const tag of tags) target.tags[asString(tag.Key) ?? ''] = asString(tag.Value) ?? '';
    await this.plane.save();
    return {};
  }

  private describeTags(params: QueryObject): Record<string, XmlValue> {
    const arns = asList(params.ResourceArns).map((arn) => asString(arn) ?? '');
    if (!arns.length) throw new AwsApiError('ValidationError', 'ResourceArns is required.');
    return {
      TagDescriptions: arns.map((arn) => ({
        ResourceArn: arn,
        Tags: Object.entries(this.taggable(arn).tags).map(([key, value]) => ({ Key: key, Value: value })),
      })),
    };
  }

  private listenerExists(listenerArn: string): boolean {
    return Object.values(this.plane.current.listeners).some(
      (listener) => listener?.listenerArn === listenerArn,
    );
  }

  private rule(arn: string): RuleState {
    const rule = this.plane.current.rules[arn];
    if (!rule) throw new AwsApiError('RuleNotFound', `One or more rules not found`);
    return rule;
  }

  private taggable(arn: string): { tags: Record<string, string> } {
    if (arn.includes(':listener-rule/')) return this.rule(arn);
    const targetGroup = this.plane.current.targetGroups[arn];
    if (targetGroup) return targetGroup;
    throw new AwsApiError('TargetGroupNotFound', `One or more target groups not found`);
  }
}
