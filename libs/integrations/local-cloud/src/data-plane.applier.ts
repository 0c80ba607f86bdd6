import type { LocalDataPlane } from '@bbws/integrations-local-compute';
import type { TerraformApplier, TerraformApplyInput } from '@bbws/integrations-local-gitops';
import {
  LocalInstanceNotFoundError,
  LocalRuntimeMissingError,
  type LocalInstanceRuntime,
} from '@bbws/integrations-local-runtime';
import { instanceSpec, type InstanceSpec } from './instance-variables';
import { plannedChanges, registeredInstance, type PlannedChanges } from './planned-changes';
import { applySummary, destroySummary, resourceLine } from './terraform-log';

export interface DataPlaneTerraformApplierOptions {
  plane: LocalDataPlane;
  /** The instances' runtime, or what is missing of it (PHP, MariaDB, WordPress core) and how to install it. */
  runtime: LocalInstanceRuntime | LocalRuntimeMissingError;
  /** The network administrator's e-mail address (the module has no such variable). */
  adminEmail?: string;
}

export const DEFAULT_NETWORK_ADMIN_EMAIL = 'platform@bbws.local';

/**
 * What `terraform plan|apply|destroy` of the wordpress-instance module does on AWS, done on the local
 * data plane from the committed tfvars: the database, files and network (RDS database, EFS access point,
 * the network install) through the local runtime, then the ECS service, target group and listener rule
 * on the data plane, which starts the workers and emits the ECS events. Like the module, a later apply
 * keeps the service's desired count and the rule's action (`ignore_changes`), so runtime scaling and
 * maintenance survive a re-apply.
 */
export class DataPlaneTerraformApplier implements TerraformApplier {
  private readonly runtime?: LocalInstanceRuntime;

  constructor(private readonly options: DataPlaneTerraformApplierOptions) {
    if (!(options.runtime instanceof LocalRuntimeMissingError)) this.runtime = options.runtime;
  }

  async plan(input: TerraformApplyInput): Promise<{ log: string[] }> {
    const spec = instanceSpec(input);
    const changes = plannedChanges(this.options.plane, spec, await this.provisioned(spec));
    const log = [...changes.lines];
    log.push(
      changes.added + changes.changed === 0
        ? 'No changes. Your infrastructure matches the configuration.'
        : `Plan: ${changes.added} to add, ${changes.changed} to change, 0 to destroy.`,
    );
    return { log };
  }

  async apply(input: TerraformApplyInput): Promise<{ log: string[] }> {
    const spec = instanceSpec(input);
    const runtime = this.requireRuntime();
    const changes = plannedChanges(this.options.plane, spec, await this.provisioned(spec));
    const log: string[] = [];
    const instance = await withRuntimeErrors(() =>
      runtime.ensureInstance({
        environment: spec.environment,
        slug: spec.slug,
        networkHost: spec.networkHost,
        adminEmail: this.options.adminEmail ?? DEFAULT_NETWORK_ADMIN_EMAIL,
        title: spec.slug,
      }),
    );
    if (changes.database) {
      log.push(resourceLine('null_resource.database_init', 'Creation', instance.database.name));
      log.push(resourceLine('aws_efs_access_point.wp_content', 'Creation', instance.docRoot));
    }
    const registered = await this.options.plane.registerInstance({
      environment: spec.environment,
      slug: spec.slug,
      hosts: spec.hosts,
      priority: spec.priority,
      desiredCount: changes.existingDesiredCount ?? spec.desiredCount,
    });
    log.push(...this.serviceLines(changes, registered));
    log.push(applySummary(changes.added, changes.changed));
    return { log };
  }

  async destroy(input: TerraformApplyInput): Promise<{ log: string[] }> {
    const spec = instanceSpec(input);
    const ref = { environment: spec.environment, slug: spec.slug };
    const log: string[] = [];
    let destroyed = 0;
    const service = registeredInstance(this.options.plane, spec);
    if (service) {
      await this.options.plane.deregisterInstance(ref);
      log.push(resourceLine('aws_ecs_service.wordpress', 'Destruction', service.service.serviceArn));
      log.push(resourceLine('aws_lb_listener_rule.wordpress', 'Destruction', service.rule.ruleArn));
      log.push(resourceLine('aws_lb_target_group.wordpress', 'Destruction', service.service.targetGroupArn));
      destroyed += 3;
    }
    const runtime = this.runtime;
    if (runtime && (await this.provisioned(spec))) {
      await runtime.removeInstance(ref);
      log.push(
        resourceLine(
          'null_resource.database_init',
          'Destruction',
          `${spec.slug}_${input.environment.toLowerCase()}_db`,
        ),
      );
      log.push(resourceLine('aws_efs_access_point.wp_content', 'Destruction', spec.networkHost));
      destroyed += 2;
    } else if (runtime) {
      // Idempotent: files or a database left by an interrupted destroy go as well.
      await runtime.removeInstance(ref);
    }
    log.push(destroyed === 0 ? 'No changes. No objects need to be destroyed.' : destroySummary(destroyed));
    return { log };
  }

  private serviceLines(
    changes: PlannedChanges,
    registered: { serviceArn: string; targetGroupArn: string; ruleArn: string },
  ): string[] {
    if (changes.service)
      return [
        resourceLine('aws_lb_target_group.wordpress', 'Creation', registered.targetGroupArn),
        resourceLine('aws_lb_listener_rule.wordpress', 'Creation', registered.ruleArn),
        resourceLine('aws_ecs_service.wordpress', 'Creation', registered.serviceArn),
      ];
    return changes.rule
      ? [resourceLine('aws_lb_listener_rule.wordpress', 'Modifications', registered.ruleArn)]
      : [];
  }

  private requireRuntime(): LocalInstanceRuntime {
    if (this.runtime) return this.runtime;
    throw runtimeMissing(this.options.runtime as LocalRuntimeMissingError);
  }

  /** Database and files exist (the network installed) for this instance. */
  private async provisioned(spec: InstanceSpec): Promise<boolean> {
    const runtime = this.runtime;
    if (!runtime) return false;
    try {
      await runtime.describe({ environment: spec.environment, slug: spec.slug });
      return true;
    } catch (error) {
      if (error instanceof LocalInstanceNotFoundError) return false;
      throw runtimeMissingOr(error);
    }
  }
}

async function withRuntimeErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw runtimeMissingOr(error);
  }
}

function runtimeMissingOr(error: unknown): unknown {
  return error instanceof LocalRuntimeMissingError ? runtimeMissing(error) : error;
}

/** The step's log gets the code, what is missing and the install command. */
function runtimeMissing(error: LocalRuntimeMissingError): Error {
  return new Error(`${error.code}: ${error.message}`);
}
