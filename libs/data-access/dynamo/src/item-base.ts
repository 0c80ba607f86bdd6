/** Attributes every stored item carries (DATA.md). */
export interface ItemBase {
  PK: string;
  SK: string;
  entityType: string;
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface VersionedItemBase extends ItemBase {
  version: number;
}

export type ItemKey = Pick<ItemBase, 'PK' | 'SK'>;
