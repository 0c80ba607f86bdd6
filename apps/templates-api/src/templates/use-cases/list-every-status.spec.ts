import type { Template, TemplateDao, TemplateListQuery, TemplateStatus } from '@bbws/data-access-catalogue';
import { ValidationError } from '@bbws/shared-errors';
import { fakePort } from '@bbws/testing-factories';
import { listEveryStatus } from './list-every-status';

/** A catalogue of names per status, paged with cursors that are plain offsets. */
function catalogue(names: Record<TemplateStatus, string[]>) {
  const queries: TemplateListQuery[] = [];
  const dao = fakePort<Pick<TemplateDao, 'listByStatus'>>({
    listByStatus: async (query) => {
      queries.push(query);
      const offset = Number(query.startAt ?? 0);
      const all = names[query.status];
      const items = all
        .slice(offset, offset + query.pageSize)
        .map((name) => ({ name, status: query.status }) as Template);
      const end = offset + query.pageSize;
      return { items, nextStartAt: end < all.length ? String(end) : null };
    },
  });
  return { dao, queries };
}

describe('listEveryStatus (the admin list without a status)', () => {
  it('pages through DRAFT, then PUBLISHED, then ARCHIVED, each continuing where the last page stopped', async () => {
    const { dao, queries } = catalogue({ DRAFT: ['d1', 'd2', 'd3'], PUBLISHED: [], ARCHIVED: ['a1', 'a2'] });
    const seen: string[] = [];
    let startAt: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await listEveryStatus(
        dao,
        { search: 'x' },
        { pageSize: 2, ...(startAt ? { startAt } : {}) },
      );
      seen.push(...result.items.map((template) => `${template.status}:${template.name}`));
      if (!result.nextStartAt) break;
      startAt = result.nextStartAt;
    }
    expect(seen).toEqual(['DRAFT:d1', 'DRAFT:d2', 'DRAFT:d3', 'ARCHIVED:a1', 'ARCHIVED:a2']);
    expect(queries.every((query) => query.search === 'x')).toBe(true);
  });

  it('fills a page across statuses and ends without a cursor', async () => {
    const { dao } = catalogue({ DRAFT: ['d1'], PUBLISHED: ['p1'], ARCHIVED: ['a1'] });
    const page = await listEveryStatus(dao, {}, { pageSize: 5 });
    expect(page.items.map((template) => template.name)).toEqual(['d1', 'p1', 'a1']);
    expect(page.nextStartAt).toBeNull();
  });

  it.each(['no-separator', 'GONE~1', '~1'])('refuses the cursor %p with 400', async (startAt) => {
    const { dao } = catalogue({ DRAFT: [], PUBLISHED: [], ARCHIVED: [] });
    await expect(listEveryStatus(dao, {}, { pageSize: 2, startAt })).rejects.toBeInstanceOf(ValidationError);
  });
});
