import { TransactionBuilder, deleteKey, putNew, type DynamoContext } from '@bbws/data-access-dynamo';
import { randomInt } from 'node:crypto';
import { InstanceGuardTakenError } from './instance.errors';
import { instanceKeys } from './instance.keys';
import type { InstanceGuardItem } from './instance.mapper';

/**
 * The listener-rule priorities the platform allocates (instances and site host rules, from the same guard
 * items). ALB allows 1-50000; 45001-50000 are never allocated, left for rules added by hand (a
 * maintenance page, an operator's redirect).
 */
export const ALLOCATED_RULE_PRIORITIES = { min: 1, max: 45_000 } as const;
const ATTEMPTS = 20;

/**
 * Listener-rule priorities beyond an instance's own (site host rules): each reserved by the guard item
 * `PRIORITY#{env}#{n}` that instances reserve theirs with, so no two rules of an environment share one.
 */
export class RulePriorityDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly now: () => Date = () => new Date(),
    private readonly draw: () => number = () =>
      randomInt(ALLOCATED_RULE_PRIORITIES.min, ALLOCATED_RULE_PRIORITIES.max + 1),
  ) {}

  /** A free priority, now held for `owner`. Failure: InstanceGuardTakenError after 20 taken draws. */
  async reserve(environment: string, owner: { tenantId: string; instanceId: string }): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const priority = this.draw();
      try {
        await this.put(environment, priority, owner);
        return priority;
      } catch (error) {
        if (!(error instanceof InstanceGuardTakenError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** Frees a priority (idempotent). */
  async release(environment: string, priority: number): Promise<void> {
    await new TransactionBuilder()
      .add(deleteKey(this.db.tables.instances, instanceKeys.priorityGuard(environment, priority)))
      .commit(this.db.client);
  }

  private async put(
    environment: string,
    priority: number,
    owner: { tenantId: string; instanceId: string },
  ): Promise<void> {
    const at = this.now().toISOString();
    const item: InstanceGuardItem = {
      ...instanceKeys.priorityGuard(environment, priority),
      entityType: 'PRIORITY_GUARD',
      schemaVersion: 1,
      tenantId: owner.tenantId,
      instanceId: owner.instanceId,
      createdAt: at,
      updatedAt: at,
    };
    await new TransactionBuilder()
      .add(
        putNew(this.db.tables.instances, item),
        () => new InstanceGuardTakenError('PRIORITY', String(priority)),
      )
      .commit(this.db.client);
  }
}
