import type { Template, TemplateDao, TemplateListQuery, TemplateStatus } from '@bbws/data-access-catalogue';
import { ValidationError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';

/** The admin list without a status: DRAFT, then PUBLISHED, then ARCHIVED, each by name. */
const ORDER: readonly TemplateStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];

/**
 * Pages through the statuses in turn. The cursor is `<status>~<that list's signed cursor>` (empty at a
 * status's start): the inner cursor is bound to its status's list, so an edited prefix is refused.
 */
export async function listEveryStatus(
  templates: Pick<TemplateDao, 'listByStatus'>,
  filter: Omit<TemplateListQuery, 'status' | 'pageSize' | 'startAt'>,
  page: PageRequest,
): Promise<Page<Template>> {
  let { index, inner } = decode(page.startAt);
  const items: Template[] = [];
  while (index < ORDER.length) {
    const result = await templates.listByStatus({
      ...filter,
      status: ORDER[index],
      pageSize: page.pageSize - items.length,
      ...(inner ? { startAt: inner } : {}),
    });
    items.push(...result.items);
    if (result.nextStartAt) return { items, nextStartAt: `${ORDER[index]}~${result.nextStartAt}` };
    index += 1;
    inner = undefined;
    if (items.length === page.pageSize)
      return { items, nextStartAt: index < ORDER.length ? `${ORDER[index]}~` : null };
  }
  return { items, nextStartAt: null };
}

function decode(startAt: string | undefined): { index: number; inner?: string } {
  if (!startAt) return { index: 0 };
  const separator = startAt.indexOf('~');
  const index = ORDER.indexOf(startAt.slice(0, separator) as TemplateStatus);
  if (separator < 0 || index < 0) throw ValidationError.field('startAt', 'is not a valid pagination cursor');
  const inner = startAt.slice(separator + 1);
  return inner ? { index, inner } : { index };
}
