import autocannon from 'autocannon';

export interface ListLoad {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  non2xx: number;
}

interface ListPage {
  items: unknown[];
  nextStartAt: string | null;
}

async function getPage(url: string, headers: Record<string, string>): Promise<ListPage> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ListPage;
}

/** The URL of page `page` (1-based) of a list, following each page's cursor; checks every page is full. */
export async function pageUrl(
  firstPage: string,
  page: number,
  pageSize: number,
  headers: Record<string, string>,
): Promise<string> {
  let url = firstPage;
  for (let at = 1; ; at += 1) {
    const { items, nextStartAt } = await getPage(url, headers);
    if (items.length !== pageSize)
      throw new Error(`${url}: page ${at} has ${items.length} items, not ${pageSize}`);
    if (at === page) return url;
    if (!nextStartAt) throw new Error(`${firstPage}: the list ends at page ${at}, before page ${page}`);
    url = `${firstPage}&startAt=${encodeURIComponent(nextStartAt)}`;
  }
}

export async function loadList(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<ListLoad> {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    non2xx: result.non2xx + result.errors,
  };
}

export function meanLoad(rounds: ListLoad[]): ListLoad {
  const average = (pick: (load: ListLoad) => number) =>
    rounds.reduce((sum, load) => sum + pick(load), 0) / rounds.length;
  return {
    p50: average((load) => load.p50),
    p99: average((load) => load.p99),
    requestsPerSecond: average((load) => load.requestsPerSecond),
    non2xx: rounds.reduce((sum, load) => sum + load.non2xx, 0),
  };
}
