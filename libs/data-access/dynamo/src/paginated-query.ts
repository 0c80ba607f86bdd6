import { createHash } from 'node:crypto';
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '@bbws/shared-errors';
import type { CursorCodec, Page } from '@bbws/shared-hateoas';
import type { IndexName } from './table-definitions';

export interface KeyQuery {
  tableName: string;
  index?: IndexName;
  partition: string;
  sortKey?: { beginsWith: string } | { between: [string, string] } | { lessThan: string };
  /** Newest first when sort keys start with a timestamp. */
  descending?: boolean;
  pageSize: number;
  startAt?: string;
  filter?: {
    expression: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
    /**
     * Values that change between pages of the same list (the current time): sent with every page but
     * left out of the cursor's binding, so page 2 still belongs to the list page 1 came from.
     */
    varying?: Record<string, unknown>;
  };
}

/**
 * One bounded Query per call (a page), never a Scan. The cursor is bound to the list it came from
 * (index, partition, sort-key condition, filter without its varying values), so a cursor of one list
 * cannot be replayed against another's, even within the same partition.
 */
export async function paginatedQuery(
  client: DynamoDBDocumentClient,
  codec: CursorCodec,
  query: KeyQuery,
): Promise<Page<Record<string, unknown>>> {
  const pk = query.index ? `${query.index}PK` : 'PK';
  const sk = query.index ? `${query.index}SK` : 'SK';
  const names: Record<string, string> = { '#pk': pk, ...query.filter?.names };
  const values: Record<string, unknown> = {
    ':pk': query.partition,
    ...query.filter?.values,
    ...query.filter?.varying,
  };
  let condition = '#pk = :pk';
  if (query.sortKey) {
    names['#sk'] = sk;
    if ('beginsWith' in query.sortKey) {
      values[':sk'] = query.sortKey.beginsWith;
      condition += ' AND begins_with(#sk, :sk)';
    } else if ('between' in query.sortKey) {
      [values[':sk1'], values[':sk2']] = query.sortKey.between;
      condition += ' AND #sk BETWEEN :sk1 AND :sk2';
    } else {
      values[':sk'] = query.sortKey.lessThan;
      condition += ' AND #sk < :sk';
    }
  }
  const input: QueryCommandInput = {
    TableName: query.tableName,
    IndexName: query.index,
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !query.descending,
    Limit: query.pageSize,
    FilterExpression: query.filter?.expression,
    ExclusiveStartKey: query.startAt ? decodeStart(codec, query.startAt, listScope(query)) : undefined,
  };
  const result = await client.send(new QueryCommand(input));
  const next = result.LastEvaluatedKey;
  return {
    items: (result.Items ?? []) as Record<string, unknown>[],
    nextStartAt: next ? codec.encode({ p: listScope(query), k: next }) : null,
  };
}

/** A cursor that continues the list right after `item` (one of its items), e.g. after a page cut short. */
export function cursorAfter(
  codec: CursorCodec,
  query: Omit<KeyQuery, 'pageSize' | 'startAt'>,
  item: object,
): string {
  const attributes = query.index ? ['PK', 'SK', `${query.index}PK`, `${query.index}SK`] : ['PK', 'SK'];
  const stored: Record<string, unknown> = { ...item };
  const key = Object.fromEntries(attributes.map((attribute) => [attribute, stored[attribute]]));
  return codec.encode({ p: listScope(query), k: key });
}

function listScope(query: Omit<KeyQuery, 'pageSize' | 'startAt'>): string {
  const filter = query.filter ? { e: query.filter.expression, v: query.filter.values } : null;
  const scope = JSON.stringify([
    query.tableName,
    query.index ?? null,
    query.partition,
    query.sortKey ?? null,
    filter,
  ]);
  return createHash('sha256').update(scope).digest('base64url').slice(0, 22);
}

function decodeStart(codec: CursorCodec, cursor: string, scope: string): Record<string, unknown> {
  const decoded = codec.decode(cursor);
  if (decoded.p !== scope || typeof decoded.k !== 'object' || decoded.k === null) {
    throw ValidationError.field('startAt', 'does not belong to this list');
  }
  return decoded.k as Record<string, unknown>;
}
