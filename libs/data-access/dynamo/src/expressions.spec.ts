import { versionedUpdate } from './expressions';

describe('versionedUpdate', () => {
  it('sets attributes, removes undefined ones, bumps the version and checks the expected one', () => {
    const { Update } = versionedUpdate({
      tableName: 't',
      key: { PK: 'A', SK: 'B' },
      set: { name: 'x', reason: undefined },
      expectedVersion: 3,
    });
    expect(Update.UpdateExpression).toBe('SET #a0 = :v0 ADD #version :one REMOVE #a1');
    expect(Update.ConditionExpression).toBe('attribute_exists(#pk) AND #version = :expectedVersion');
    expect(Update.ExpressionAttributeNames).toEqual({
      '#pk': 'PK',
      '#version': 'version',
      '#a0': 'name',
      '#a1': 'reason',
    });
    expect(Update.ExpressionAttributeValues).toEqual({ ':one': 1, ':v0': 'x', ':expectedVersion': 3 });
  });

  it('updates counters without touching the version when asked', () => {
    const { Update } = versionedUpdate({
      tableName: 't',
      key: { PK: 'A', SK: 'B' },
      set: {},
      add: { adminCount: -1 },
      bumpVersion: false,
      condition: { expression: '#a0 > :min', values: { ':min': 1 } },
    });
    expect(Update.UpdateExpression).toBe('ADD #a0 :v0');
    expect(Update.ConditionExpression).toBe('attribute_exists(#pk) AND (#a0 > :min)');
    expect(Update.ExpressionAttributeValues).toEqual({ ':v0': -1, ':min': 1 });
  });
});
