import type { TestApi } from './test-api';

/**
 * Asks `slotPath` (an admin upload-slot route) for a slot as `token`, then PUTs `bytes` to its
 * presigned URL with its headers, as a browser would; returns the uploadId.
 */
export async function uploadThroughSlot(
  api: TestApi,
  token: string,
  slotPath: string,
  slot: { kind: string; contentType: string },
  bytes: Buffer,
): Promise<string> {
  const response = await api.request<{ uploadId: string; url: string; headers: Record<string, string> }>({
    method: 'POST',
    url: slotPath,
    token,
    body: slot,
  });
  if (response.status !== 201)
    throw new Error(`upload slot failed: ${response.status} ${JSON.stringify(response.body)}`);
  const put = await fetch(response.body.url, {
    method: 'PUT',
    headers: response.body.headers,
    body: new Uint8Array(bytes),
  });
  if (!put.ok) throw new Error(`presigned PUT failed: ${put.status} ${await put.text()}`);
  return response.body.uploadId;
}
