import type { TransactItem } from './transact';

type Update = NonNullable<TransactItem['Update']>;

export interface VersionedUpdate {
  tableName: string;
  key: Record<string, string>;
  /** Attributes to set (undefined values are removed). */
  set: Record<string, unknown>;
  /** Numeric attributes to add to (counters). */
  add?: Record<string, number>;
  /** The version the caller read; the write fails if the item moved on. Omit for unconditional counters. */
  expectedVersion?: number;
  /** Counters that are not part of the resource's representation leave `version` alone. Default true. */
  bumpVersion?: boolean;
  /** Extra condition, joined with AND, using `#`/`:` placeholders given in names/values. */
  condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
}

/** One Update that sets attributes, bumps `version`, and checks existence (+ expected version when given). */
export function versionedUpdate(params: VersionedUpdate): { Update: Update } {
  const bump = params.bumpVersion !== false;
  const names: Record<string, string> = { '#pk': 'PK', ...(bump ? { '#version': 'version' } : {}) };
  const values: Record<string, unknown> = bump ? { ':one': 1 } : {};
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const [attribute, value] of Object.entries(params.set)) {
    const name = `#a${n}`;
    names[name] = attribute;
    if (value === undefined) {
      removes.push(name);
    } else {
      values[`:v${n}`] = value;
      sets.push(`${name} = :v${n}`);
    }
    n += 1;
  }
  const adds = bump ? [`#version :one`] : [];
  for (const [attribute, delta] of Object.entries(params.add ?? {})) {
    names[`#a${n}`] = attribute;
    values[`:v${n}`] = delta;
    adds.push(`#a${n} :v${n}`);
    n += 1;
  }
  const conditions = ['attribute_exists(#pk)'];
  if (params.expectedVersion !== undefined) {
    names['#version'] = 'version';
    values[':expectedVersion'] = params.expectedVersion;
    conditions.push('#version = :expectedVersion');
  }
  if (params.condition) {
    conditions.push(`(${params.condition.expression})`);
    Object.assign(names, params.condition.names);
    Object.assign(values, params.condition.values);
  }
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    Update: {
      TableName: params.tableName,
      Key: params.key,
      UpdateExpression: expression,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** A Put that only succeeds when no item has this key yet (entities, guard items). */
export function putNew(tableName: string, item: object): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...item },
      ConditionExpression: 'attribute_not_exists(PK)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

export function deleteKey(tableName: string, key: Record<string, string>, mustExist = false): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: key,
      ...(mustExist ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
    },
  };
}

/** `item` is a typed `<Entity>Item` or any other record of attributes. */
export function put(tableName: string, item: object): TransactItem {
  return { Put: { TableName: tableName, Item: { ...item } } };
}
