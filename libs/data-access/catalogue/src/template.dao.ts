import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  TransactionBuilder,
  cursorAfter,
  getItem,
  paginatedQuery,
  putNew,
  storedVersion,
  versionedUpdate,
  type DynamoContext,
  type KeyQuery,
  type StoredItem,
} from '@bbws/data-access-dynamo';
import { AlreadyExistsError, ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import { MAX_PAGE_SIZE, type Page, type PageRequest } from '@bbws/shared-hateoas';
import {
  TEMPLATE_CATEGORIES,
  type Template,
  type TemplateCategory,
  type TemplateStatus,
} from './catalogue.entity';
import { conditionFailure } from './template.condition-failure';
import { TemplateInUseError } from './template.errors';
import { templateKeys } from './template.keys';
import { fromTemplateItem, searchTextOf, templateIndexAttributes, toTemplateItem } from './template.mapper';
import { adjustCounter } from './template.usage';

export interface TemplateListQuery extends PageRequest {
  status: TemplateStatus;
  category?: TemplateCategory;
  /** Case-insensitive substring of the name or description. */
  search?: string;
}

/** How many filtered batches one search request reads at most while filling a page. */
const MAX_SEARCH_READS = 5;

/** Template items of the sites table (`CATALOG#TEMPLATE`), one method per access pattern. */
export class TemplateDao {
  constructor(private readonly db: DynamoContext) {}

  private get table(): string {
    return this.db.tables.sites;
  }

  /** Stores a new template; AlreadyExistsError when its id is taken. */
  async create(template: Template): Promise<void> {
    await new TransactionBuilder()
      .add(
        putNew(this.table, toTemplateItem(template)),
        () => new AlreadyExistsError('TEMPLATE', template.templateId),
      )
      .commit(this.db.client);
  }

  async get(templateId: string): Promise<Template | null> {
    const item = await getItem(this.db.client, this.table, templateKeys.template(templateId));
    return item ? fromTemplateItem(item) : null;
  }

  /**
   * Writes every attribute of `template` but its usage count (kept by {@link adjustUsage}) if the stored
   * one is at `expectedVersion`; returns it as stored. Failures: VersionConflictError, ItemMissingError.
   */
  async replace(template: Template, expectedVersion: number): Promise<Template> {
    const now = this.now();
    const { templateId, usageCount: _usage, version: _version, createdAt: _created, ...fields } = template;
    const { Update } = versionedUpdate({
      tableName: this.table,
      key: templateKeys.template(templateId),
      set: { ...fields, ...templateIndexAttributes(template), updatedAt: now },
      expectedVersion,
    });
    try {
      const { Attributes } = await this.db.client.send(
        new UpdateCommand({ ...Update, ReturnValues: 'ALL_NEW' }),
      );
      return fromTemplateItem(Attributes as StoredItem);
    } catch (error) {
      throw conditionFailure(error, (old) =>
        old ? new VersionConflictError(expectedVersion, storedVersion(old)) : missing(templateId),
      );
    }
  }

  /**
   * Deletes the template at `expectedVersion` while no site uses it. Failures: VersionConflictError,
   * TemplateInUseError, ItemMissingError.
   */
  async delete(templateId: string, expectedVersion: number): Promise<void> {
    await new TransactionBuilder()
      .add(
        {
          Delete: {
            TableName: this.table,
            Key: templateKeys.template(templateId),
            ConditionExpression: 'attribute_exists(PK) AND #version = :version AND #usage = :zero',
            ExpressionAttributeNames: { '#version': 'version', '#usage': 'usageCount' },
            ExpressionAttributeValues: { ':version': expectedVersion, ':zero': 0 },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        (old) => {
          if (!old) return missing(templateId);
          const stored = fromTemplateItem(old);
          if (stored.version !== expectedVersion)
            return new VersionConflictError(expectedVersion, stored.version);
          return new TemplateInUseError(templateId, stored.usageCount);
        },
      )
      .commit(this.db.client);
  }

  /**
   * One status's templates by name (GSI1 with a category, GSI2 without), optionally only those whose
   * name or description contains `search`; filtered pages are filled up to `pageSize` with a bounded
   * number of further reads, and their cursor continues right after the last template returned.
   */
  async listByStatus(query: TemplateListQuery): Promise<Page<Template>> {
    const list = this.listOf(query);
    const search = Boolean(list.filter);
    // One more than needed without a filter, so a page that ends the list is known to.
    const batchSize = search ? MAX_PAGE_SIZE : query.pageSize + 1;
    const found: StoredItem[] = [];
    let startAt = query.startAt;
    for (let read = 0; read < (search ? MAX_SEARCH_READS : 1); read += 1) {
      const batch = await paginatedQuery(this.db.client, this.db.cursors, {
        ...list,
        pageSize: batchSize,
        ...(startAt ? { startAt } : {}),
      });
      for (const [index, item] of batch.items.entries()) {
        found.push(item);
        if (found.length === query.pageSize) {
          const lastOfList = index === batch.items.length - 1 && !batch.nextStartAt;
          return {
            items: found.map(fromTemplateItem),
            nextStartAt: lastOfList ? null : cursorAfter(this.db.cursors, list, item),
          };
        }
      }
      if (!batch.nextStartAt) return { items: found.map(fromTemplateItem), nextStartAt: null };
      startAt = batch.nextStartAt;
    }
    return { items: found.map(fromTemplateItem), nextStartAt: startAt ?? null };
  }

  /** PUBLISHED templates per category (every category, zero included): one COUNT query each, in parallel. */
  async countPublishedByCategory(): Promise<Array<{ category: TemplateCategory; count: number }>> {
    return Promise.all(
      TEMPLATE_CATEGORIES.map(async (category) => ({
        category,
        count: await this.count(templateKeys.byStatusAndCategory('PUBLISHED', category)),
      })),
    );
  }

  /**
   * Adds `delta` to the sites-using-it counter atomically (never below zero) and returns the new count;
   * the site workers call it as sites are built from the template or deleted. ItemMissingError.
   */
  async adjustUsage(templateId: string, delta: number): Promise<number> {
    return adjustCounter(this.db.client, {
      tableName: this.table,
      key: templateKeys.template(templateId),
      attribute: 'usageCount',
      delta,
      missing: () => missing(templateId),
    });
  }

  private listOf(query: TemplateListQuery): Omit<KeyQuery, 'pageSize' | 'startAt'> {
    const term = query.search?.trim();
    return {
      tableName: this.table,
      ...(query.category
        ? { index: 'GSI1', partition: templateKeys.byStatusAndCategory(query.status, query.category) }
        : { index: 'GSI2', partition: templateKeys.byStatus(query.status) }),
      ...(term
        ? {
            filter: {
              expression: 'contains(#searchText, :search)',
              names: { '#searchText': 'searchText' },
              values: { ':search': searchTextOf(term) },
            },
          }
        : {}),
    };
  }

  private async count(partition: string): Promise<number> {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.db.client.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      total += result.Count ?? 0;
      start = result.LastEvaluatedKey;
    } while (start);
    return total;
  }

  private now(): string {
    return this.db.clock.now().toISOString();
  }
}

function missing(templateId: string): ItemMissingError {
  return new ItemMissingError('TEMPLATE', templateId);
}
