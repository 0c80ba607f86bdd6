import type { Instance, RulePriorityDao } from '@bbws/data-access-instances';
import type { ComputePort, SiteHostChange } from '@bbws/integrations-compute';

/**
 * Stops routing a deleted site's host on its instance's listener; a site rule left empty is deleted by
 * the compute port and the priority it had reserved released (never the instance's own rule's).
 */
export class SiteHostRemover {
  constructor(
    private readonly compute: Pick<ComputePort, 'removeSiteHost' | 'listHostRules'>,
    private readonly priorities: Pick<RulePriorityDao, 'release'>,
  ) {}

  async remove(instance: Instance, host: string): Promise<SiteHostChange> {
    const { listenerArn, targetGroupArn, listenerRulePriority } = instance.resources;
    if (!targetGroupArn) return { host, action: 'none', writes: 0 };
    const target = { environment: instance.environment, listenerArn, targetGroupArn };
    const name = host.toLowerCase();
    const rule = (await this.compute.listHostRules(target)).find((candidate) =>
      candidate.hosts.includes(name),
    );
    const change = await this.compute.removeSiteHost({ ...target, host });
    if (change.action !== 'deleted' || !rule) return change;
    if (rule.priority !== listenerRulePriority) {
      await this.priorities.release(instance.environment, rule.priority);
    }
    return { ...change, priority: rule.priority };
  }
}
