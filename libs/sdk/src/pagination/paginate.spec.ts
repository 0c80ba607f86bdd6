import { apiError, json, scriptedFetch } from '../../test/scripted-fetch';
import { BbwsForbiddenError, createBbwsClient, paginate } from '../index';

const page = (ids: string[], nextStartAt: string | null) =>
  json(200, {
    items: ids.map((siteId) => ({ siteId })),
    count: ids.length,
    moreAvailable: !!nextStartAt,
    nextStartAt,
  });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('paginate', () => {
  it('follows nextStartAt over every page of a list route, keeping the filters', async () => {
    const { fetch, seen } = scriptedFetch(page(['a', 'b'], 'c1'), page(['c', 'd'], 'c2'), page(['e'], null));
    const bbws = createBbwsClient({ baseUrl: 'http://api.test', fetch });
    const sites = await collect(
      paginate(bbws.sites, '/v1.0/tenants/{tenantId}/sites', {
        params: { path: { tenantId: 't1' }, query: { status: 'ACTIVE', pageSize: 2 } },
      }),
    );
    expect(sites.map((site) => site.siteId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen.map((request) => new URL(request.url).search)).toEqual([
      '?status=ACTIVE&pageSize=2',
      '?status=ACTIVE&pageSize=2&startAt=c1',
      '?status=ACTIVE&pageSize=2&startAt=c2',
    ]);
  });

  it('fetches no further page than the loop asks for', async () => {
    const { fetch, seen } = scriptedFetch(page(['a', 'b'], 'c1'), page(['c'], null));
    const bbws = createBbwsClient({ baseUrl: 'http://api.test', fetch });
    for await (const site of paginate(bbws.sites, '/v1.0/tenants/{tenantId}/sites', {
      params: { path: { tenantId: 't1' } },
    })) {
      if (site.siteId === 'b') break;
    }
    expect(seen).toHaveLength(1);
  });

  it('takes a page fetch of its own and throws the typed error of a failing page', async () => {
    const { fetch } = scriptedFetch(page(['a'], 'c1'), apiError(403, 'FORBIDDEN'));
    const bbws = createBbwsClient({ baseUrl: 'http://api.test', fetch });
    const seenItems: string[] = [];
    const run = async () => {
      for await (const tenant of paginate((startAt) =>
        bbws.tenants.GET('/v1.0/tenants', { params: { query: { startAt } } }),
      )) {
        seenItems.push((tenant as unknown as { siteId: string }).siteId);
      }
    };
    await expect(run()).rejects.toBeInstanceOf(BbwsForbiddenError);
    expect(seenItems).toEqual(['a']);
  });
});
