import { collectList } from './collect-list';

/** A list route over `total` numbered items, answering pages as the APIs do; records the calls made. */
function listRoute(total: number) {
  const calls: { startAt: string | undefined; pageSize: number }[] = [];
  const fetchPage = async (startAt: string | undefined, pageSize: number) => {
    calls.push({ startAt, pageSize });
    const from = startAt ? Number(startAt) : 0;
    const items = Array.from({ length: Math.min(pageSize, total - from) }, (_, index) => from + index);
    const next = from + items.length;
    const moreAvailable = next < total;
    return {
      data: { items, count: items.length, moreAvailable, nextStartAt: moreAvailable ? String(next) : null },
      response: new Response(null, { status: 200 }),
    };
  };
  return { calls, fetchPage };
}

describe('collectList (--limit, --all)', () => {
  it('stops at --limit, asking for no more than it needs per page', async () => {
    const route = listRoute(250);
    expect(await collectList<number>({ limit: 30 }, route.fetchPage)).toEqual(
      Array.from({ length: 30 }, (_, i) => i),
    );
    expect(route.calls).toEqual([{ startAt: undefined, pageSize: 30 }]);
  });

  it('follows nextStartAt across pages up to the limit (default 100) or, with --all, the last page', async () => {
    const limited = listRoute(250);
    expect(await collectList<number>({ limit: 5, pageSize: 2 }, limited.fetchPage)).toEqual([0, 1, 2, 3, 4]);
    expect(limited.calls.map((call) => call.startAt)).toEqual([undefined, '2', '4']);

    const byDefault = listRoute(250);
    expect(await collectList<number>({}, byDefault.fetchPage)).toHaveLength(100);

    const all = listRoute(250);
    const items = await collectList<number>({ limit: 100, all: true }, all.fetchPage);
    expect(items).toHaveLength(250);
    expect(all.calls).toEqual([
      { startAt: undefined, pageSize: 100 },
      { startAt: '100', pageSize: 100 },
      { startAt: '200', pageSize: 100 },
    ]);
  });

  it('throws the typed error of a refused page', async () => {
    const refused = async () => ({
      error: { error: { code: 'FORBIDDEN', message: 'no role' }, requestId: 'req-1' },
      response: new Response(null, { status: 403 }),
    });
    await expect(collectList({ limit: 10 }, refused)).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
  });
});
