import type { LocalDataPlane } from '@bbws/integrations-local-compute';
import type { InstanceSpec } from './instance-variables';

type PlaneState = LocalDataPlane['current'];
type ServiceState = PlaneState['services'][string];
type RuleState = PlaneState['rules'][string];

/** What an apply of `spec` would create or change, with the plan's lines. */
export interface PlannedChanges {
  /** The database and files (network) are created. */
  database: boolean;
  /** The service, target group and listener rule are created. */
  service: boolean;
  /** The existing rule's priority or hosts change. */
  rule: boolean;
  /** The existing service's desired count, which an apply keeps (the module ignores its changes). */
  existingDesiredCount?: number;
  added: number;
  changed: number;
  lines: string[];
}

export function registeredInstance(
  plane: LocalDataPlane,
  spec: Pick<InstanceSpec, 'environment' | 'slug'>,
): { service: ServiceState; rule: RuleState } | undefined {
  const service = Object.values(plane.current.services).find(
    (candidate) => candidate.environment === spec.environment && candidate.slug === spec.slug,
  );
  const rule = service && plane.current.rules[service.ruleArn];
  return service && rule ? { service, rule } : undefined;
}

export function plannedChanges(
  plane: LocalDataPlane,
  spec: InstanceSpec,
  provisioned: boolean,
): PlannedChanges {
  const existing = registeredInstance(plane, spec);
  const lines: string[] = [];
  const create = (address: string) => lines.push(`  # module.wordpress_instance.${address} will be created`);
  if (!provisioned) {
    create('null_resource.database_init');
    create('aws_efs_access_point.wp_content');
  }
  if (!existing) {
    create('aws_lb_target_group.wordpress');
    create('aws_lb_listener_rule.wordpress');
    create('aws_ecs_service.wordpress');
  }
  const ruleChanged =
    existing !== undefined &&
    (existing.rule.priority !== spec.priority ||
      spec.hosts.some((host) => !existing.rule.hosts.includes(host)));
  if (ruleChanged)
    lines.push('  # module.wordpress_instance.aws_lb_listener_rule.wordpress will be updated in-place');
  return {
    database: !provisioned,
    service: !existing,
    rule: ruleChanged,
    existingDesiredCount: existing?.service.desiredCount,
    added: (provisioned ? 0 : 2) + (existing ? 0 : 3),
    changed: ruleChanged ? 1 : 0,
    lines,
  };
}
