import {
  deleteKey,
  storedVersion,
  type StoredItem,
  type TransactItem,
  type TransactionEntry,
} from '@bbws/data-access-dynamo';
import {
  HasChildrenError,
  ItemMissingError,
  LimitReachedError,
  NameTakenError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { normalizeName } from '@bbws/shared-util';
import { counterUpdate } from './counter.expressions';
import { MAX_CHILDREN, nodeId, type HierarchyNode, type NodePath } from './hierarchy.entity';
import { hierarchyKeys, parentCounterOf, parentPathOf } from './hierarchy.keys';

/** The transaction items (and what their failures mean) of hierarchy writes, for one table. */
export class HierarchyWrites {
  constructor(private readonly table: string) {}

  /** +1 on the parent's child counter, at most {@link MAX_CHILDREN}. */
  parentIncrement(node: HierarchyNode): TransactionEntry {
    return [
      counterUpdate({
        tableName: this.table,
        key: hierarchyKeys.parent(node.tenantId, node.path),
        attribute: parentCounterOf(node.path),
        delta: 1,
        below: MAX_CHILDREN,
      }),
      (old) =>
        old
          ? new LimitReachedError('CHILDREN', MAX_CHILDREN, { level: node.path.level })
          : parentMissing(node.tenantId, node.path),
    ];
  }

  parentDecrement(node: HierarchyNode): TransactItem {
    return counterUpdate({
      tableName: this.table,
      key: hierarchyKeys.parent(node.tenantId, node.path),
      attribute: parentCounterOf(node.path),
      delta: -1,
    });
  }

  /** Deletes a node still at `expected.version` and with `expected.count` children (a team: members). */
  deleteNode(node: HierarchyNode, expected: { version: number; count: number }): TransactItem {
    return {
      Delete: {
        TableName: this.table,
        Key: hierarchyKeys.node(node.tenantId, node.path),
        ConditionExpression:
          'attribute_exists(PK) AND #version = :version AND (attribute_not_exists(#count) OR #count = :count)',
        ExpressionAttributeNames: {
          '#version': 'version',
          '#count': node.path.level === 'TEAM' ? 'memberCount' : 'childCount',
        },
        ExpressionAttributeValues: { ':version': expected.version, ':count': expected.count },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /** Why deleting an empty node at `expectedVersion` failed. */
  deleteFailure(node: HierarchyNode, expectedVersion: number, old: StoredItem | undefined): Error {
    if (!old) return nodeMissing(node.path);
    if (old.version !== expectedVersion) return new VersionConflictError(expectedVersion, storedVersion(old));
    return new HasChildrenError(node.path.level);
  }

  /** The name guard and (teams) the id lookup that live and die with a node. */
  companions(node: HierarchyNode): TransactionEntry[] {
    const items: TransactionEntry[] = [[deleteKey(this.table, nameGuardKey(node))]];
    if (node.path.level === 'TEAM')
      items.push([deleteKey(this.table, hierarchyKeys.teamRef(node.tenantId, node.path.teamId))]);
    return items;
  }
}

export function nameGuardKey(node: HierarchyNode) {
  return hierarchyKeys.nameGuard(node.tenantId, parentPathOf(node.path), normalizeName(node.name));
}

export function counterOf(node: HierarchyNode): number {
  return node.path.level === 'TEAM' ? node.memberCount : node.childCount;
}

export function nameTaken(path: NodePath, name: string): NameTakenError {
  return new NameTakenError(path.level, name);
}

export function nodeMissing(path: NodePath): ItemMissingError {
  return new ItemMissingError(path.level, nodeId(path));
}

function parentMissing(tenantId: string, path: NodePath): ItemMissingError {
  switch (path.level) {
    case 'DIVISION':
      return new ItemMissingError('TENANT', tenantId);
    case 'GROUP':
      return new ItemMissingError('DIVISION', path.divisionId);
    case 'TEAM':
      return new ItemMissingError('GROUP', path.groupId);
  }
}
