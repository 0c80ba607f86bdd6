/** Where the catalogue services answer (`.../v1.0`); locally both are the front door. */
export interface SeedTarget {
  templatesApi: string;
  pluginsApi: string;
}

export interface UploadSlot {
  uploadId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

interface Page<T> {
  items: T[];
  nextStartAt: string | null;
}

/** A call the seed relies on answered something else than expected. */
export class SeedApiError extends Error {
  /** The API's error code (`error.code` of the body), when it sent one. */
  readonly code: string | undefined;

  constructor(
    method: string,
    url: string,
    readonly status: number,
    body: string,
  ) {
    super(`${method} ${url} answered ${status}: ${body.slice(0, 500)}`);
    this.code = errorCode(body);
  }
}

function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** The admin calls the seed makes, over HTTP with a platform admin's token. */
export class SeedApiClient {
  constructor(
    private readonly token: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async call<T>(method: string, url: string, expected: number, body?: unknown): Promise<T> {
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (response.status !== expected) throw new SeedApiError(method, url, response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Every item of a paginated list, following `nextStartAt`. */
  async listAll<T>(url: string): Promise<T[]> {
    const items: T[] = [];
    let startAt: string | null = null;
    do {
      const query = new URLSearchParams({ pageSize: '100', ...(startAt ? { startAt } : {}) });
      const page: Page<T> = await this.call<Page<T>>('GET', `${url}?${query}`, 200);
      items.push(...page.items);
      startAt = page.nextStartAt;
    } while (startAt);
    return items;
  }

  /** Asks `slotsUrl` for a presigned upload and PUTs the bytes there; returns the upload id. */
  async upload(slotsUrl: string, kind: string, contentType: string, bytes: Uint8Array): Promise<string> {
    const slot = await this.call<UploadSlot>('POST', slotsUrl, 201, { kind, contentType });
    const response = await fetch(slot.url, {
      method: slot.method,
      headers: slot.headers,
      body: new Uint8Array(bytes),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok)
      throw new SeedApiError(slot.method, slot.url.split('?')[0], response.status, await response.text());
    return slot.uploadId;
  }
}
