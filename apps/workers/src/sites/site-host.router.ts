import type { Instance, RulePriorityDao } from '@bbws/data-access-instances';
import type { ComputePort, SiteHostChange } from '@bbws/integrations-compute';
import { BusinessRuleError } from '@bbws/shared-errors';

/**
 * Routes a site's host to its instance on the instance's listener: packed into one of the instance's
 * rules, or a new rule whose priority is reserved first (guard item `PRIORITY#{env}#{n}`); priorities
 * reserved but not used (the host fit an existing rule, or ELBv2 said one was in use) are released.
 */
export class SiteHostRouter {
  constructor(
    private readonly compute: Pick<ComputePort, 'addSiteHost'>,
    private readonly priorities: Pick<RulePriorityDao, 'reserve' | 'release'>,
  ) {}

  async route(instance: Instance, host: string): Promise<SiteHostChange> {
    const { listenerArn, targetGroupArn } = instance.resources;
    if (!targetGroupArn) {
      throw new BusinessRuleError(
        'INSTANCE_NOT_READY',
        `Instance ${instance.instanceId} has no target group yet`,
      );
    }
    const owner = { tenantId: instance.tenantId, instanceId: instance.instanceId };
    const reserved: number[] = [];
    let kept: number | undefined;
    try {
      const change = await this.compute.addSiteHost(
        { environment: instance.environment, listenerArn, targetGroupArn, host },
        async () => {
          const priority = await this.priorities.reserve(instance.environment, owner);
          reserved.push(priority);
          return priority;
        },
      );
      if (change.action === 'created') kept = change.priority;
      return change;
    } finally {
      const unused = reserved.filter((priority) => priority !== kept);
      await Promise.all(unused.map((priority) => this.priorities.release(instance.environment, priority)));
    }
  }
}
