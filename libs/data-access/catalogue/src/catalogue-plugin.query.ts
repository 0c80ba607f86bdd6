import { cursorAfter, paginatedQuery, type DynamoContext, type KeyQuery } from '@bbws/data-access-dynamo';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { normalizeName } from '@bbws/shared-util';
import type { PluginCategory, PluginPricing } from './catalogue.entity';
import { cataloguePluginKeys } from './catalogue-plugin.keys';

export interface PluginListFilter {
  category?: PluginCategory;
  pricing?: PluginPricing;
  /** Case-insensitive substring of the name, wpSlug or description. */
  search?: string;
  /** Only approved plugins that are not blocklisted (the public catalogue). */
  listedOnly: boolean;
  blocklisted?: boolean;
}

/** Queries after the first that a filtered page may take to fill itself. */
const MAX_EXTRA_QUERIES = 4;

type ListQuery = Omit<KeyQuery, 'pageSize' | 'startAt'>;

export function listPluginsQuery(table: string, filter: PluginListFilter): ListQuery {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const condition = (attribute: string, operator: '=' | 'contains', value: unknown) => {
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    conditions.push(
      operator === '=' ? `#${attribute} = :${attribute}` : `contains(#${attribute}, :${attribute})`,
    );
  };
  if (filter.listedOnly) condition('listed', '=', true);
  if (filter.blocklisted !== undefined) condition('isBlocklisted', '=', filter.blocklisted);
  if (filter.pricing) condition('pricing', '=', filter.pricing);
  const search = filter.search ? normalizeName(filter.search) : '';
  if (search) condition('searchText', 'contains', search);
  return {
    tableName: table,
    index: filter.category ? 'GSI1' : 'GSI3',
    partition: filter.category ? cataloguePluginKeys.byCategory(filter.category) : cataloguePluginKeys.all,
    ...(conditions.length ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
  };
}

/**
 * Pages of a filtered query, each filled up to `pageSize` with at most {@link MAX_EXTRA_QUERIES} more
 * queries; a page that overshoots is cut and continues after its last item.
 */
export async function queryFilled(
  db: DynamoContext,
  query: ListQuery,
  page: PageRequest,
): Promise<Page<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let startAt = page.startAt;
  for (let queries = 0; queries <= MAX_EXTRA_QUERIES; queries += 1) {
    const result = await paginatedQuery(db.client, db.cursors, {
      ...query,
      pageSize: page.pageSize,
      startAt,
    });
    items.push(...result.items);
    startAt = result.nextStartAt ?? undefined;
    if (!startAt || items.length >= page.pageSize) break;
  }
  if (items.length > page.pageSize) {
    const kept = items.slice(0, page.pageSize);
    return { items: kept, nextStartAt: cursorAfter(db.cursors, query, kept[kept.length - 1]) };
  }
  return { items, nextStartAt: startAt ?? null };
}
