import type { Instance, RulePriorityDao } from '@bbws/data-access-instances';
import type { ComputePort, SiteHostChange } from '@bbws/integrations-compute';

/**
 * Stops routing a deleted site's host on its instance's listener; a site rule left empty is deleted by
 * the compute port and its reserved priority released (never the instance's own rule's).
 */
export class SiteHostRemover {
  constructor(
    private readonly compute: Pick<ComputePort, 'removeSiteHost'>,
    private readonly priorities: Pick<RulePriorityDao, 'release'>,
  ) {}

  async remove(instance: Instance, host: string): Promise<SiteHostChange> {
    const { listenerArn, targetGroupArn, listenerRulePriority } = instance.resources;
    if (!targetGroupArn) return { host, action: 'none', writes: 0 };
    const change = await this.compute.removeSiteHost({
      environment: instance.environment,
      listenerArn,
      targetGroupArn,
      host,
    });
    if (change.action === 'deleted' && change.priority && change.priority !== listenerRulePriority) {
      await this.priorities.release(instance.environment, change.priority);
    }
    return change;
  }
}
