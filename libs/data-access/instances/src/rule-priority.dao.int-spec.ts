import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { uniqueRulePriority } from '@bbws/testing-instances';
import { InstanceGuardTakenError } from './instance.errors';
import { instanceKeys } from './instance.keys';
import { RulePriorityDao } from './rule-priority.dao';

const db = testDynamoContext();
const owner = () => ({ tenantId: newId('tenant'), instanceId: newId('inst') });

async function guard(priority: number) {
  const key = instanceKeys.priorityGuard('SIT', priority);
  return (await db.client.send(new GetCommand({ TableName: db.tables.instances, Key: key }))).Item;
}

/** Priorities reserved for this run's tests (outside the band the code under test draws from). */
const fresh = () => uniqueRulePriority();

describe('RulePriorityDao against DynamoDB Local', () => {
  it('holds a drawn priority with the guard item instances use, draws again past a taken one, and releases it', async () => {
    const [taken, free] = [fresh(), fresh()];
    const first = owner();
    await new RulePriorityDao(db, undefined, () => taken).reserve('SIT', first);
    expect(await guard(taken)).toMatchObject({ entityType: 'PRIORITY_GUARD', ...first });

    const draws = [taken, free];
    const second = owner();
    const dao = new RulePriorityDao(db, undefined, () => draws.shift()!);
    expect(await dao.reserve('SIT', second)).toBe(free);
    expect(await guard(free)).toMatchObject(second);
    expect(await guard(taken)).toMatchObject(first);

    await dao.release('SIT', free);
    expect(await guard(free)).toBeUndefined();
    await dao.release('SIT', free);
  });

  it('gives up with InstanceGuardTakenError when every draw is taken', async () => {
    const taken = fresh();
    await new RulePriorityDao(db, undefined, () => taken).reserve('SIT', owner());
    let draws = 0;
    const dao = new RulePriorityDao(db, undefined, () => (draws++, taken));
    await expect(dao.reserve('SIT', owner())).rejects.toBeInstanceOf(InstanceGuardTakenError);
    expect(draws).toBe(20);
  });
});
