import type { ConditionFailureMapper, TransactItem } from './transact';

const CONTENTS: unique symbol = Symbol('ExtraWrites');

/**
 * Writes a DAO prepares for another store's transaction (e.g. the site ACTIVE, committed with its
 * operation's COMPLETED). Opaque: callers above the data-access layer pass it on without seeing its items.
 */
export interface ExtraWrites {
  readonly [CONTENTS]: ExtraWritesContents;
}

export interface ExtraWritesContents {
  items: TransactItem[];
  /** Called with the index inside `items` of the first item whose condition failed. */
  onConditionFailed?: ConditionFailureMapper;
}

/** Wraps a DAO's transaction items (and how their condition failures read) for another store. */
export function extraWrites(items: TransactItem[], onConditionFailed?: ConditionFailureMapper): ExtraWrites {
  return { [CONTENTS]: { items, ...(onConditionFailed ? { onConditionFailed } : {}) } };
}

/** What the store that commits the writes needs; none when `writes` is absent. */
export function extraWritesContents(writes: ExtraWrites | undefined): ExtraWritesContents {
  return writes?.[CONTENTS] ?? { items: [] };
}
