import { createHash } from 'node:crypto';
import { freshPrefix, localArtifactStore } from '../test/artifact-store.fixture';
import type { S3ArtifactStore } from './s3-artifact-store.adapter';
import { DEFAULT_PRESIGN_SECONDS } from './s3-presign';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('S3ArtifactStore presigned URLs against the local S3 server (signatures verified)', () => {
  let store: S3ArtifactStore;

  beforeAll(() => {
    store = localArtifactStore();
  });

  afterAll(() => store.destroy());

  it('serves the object through a presigned GET valid for 15 minutes by default', async () => {
    const key = `${freshPrefix('presign-get')}backup 1.tar.gz`;
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await store.put(key, bytes, { contentType: 'application/gzip' });
    const before = Date.now();

    const { url, expiresAt } = await store.presignGet(key);
    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe(String(DEFAULT_PRESIGN_SECONDS));
    expect(expiresAt.getTime()).toBeGreaterThan(before + DEFAULT_PRESIGN_SECONDS * 1000 - 2000);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + DEFAULT_PRESIGN_SECONDS * 1000);
  });

  it('names the download when asked', async () => {
    const key = `${freshPrefix('presign-name')}x`;
    await store.put(key, Buffer.from('x'));

    const { url } = await store.presignGet(key, { downloadName: 'site backup.tar.gz' });
    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''site%20backup.tar.gz",
    );
  });

  it('refuses a presigned GET once it has expired', async () => {
    const key = `${freshPrefix('presign-expired')}x`;
    await store.put(key, Buffer.from('x'));
    const { url, expiresAt } = await store.presignGet(key, { expiresInSeconds: 1 });

    await pause(Math.max(0, expiresAt.getTime() - Date.now()) + 1100);
    const response = await fetch(url);

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('refuses a presigned GET whose signature, key or expiry was tampered with', async () => {
    const prefix = freshPrefix('presign-tampered');
    await Promise.all(['mine', 'other'].map((name) => store.put(`${prefix}${name}`, Buffer.from(name))));
    const { url } = await store.presignGet(`${prefix}mine`);
    const signature = new URL(url).searchParams.get('X-Amz-Signature') ?? '';
    const flipped = `${signature.startsWith('0') ? '1' : '0'}${signature.slice(1)}`;

    const tampered = [
      url.replace(signature, flipped),
      url.replace(`${prefix}mine`, `${prefix}other`),
      url.replace('X-Amz-Expires=900', 'X-Amz-Expires=3600'),
    ];
    for (const candidate of tampered) {
      expect(candidate).not.toBe(url);
      const response = await fetch(candidate);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    }
    expect((await fetch(url)).status).toBe(200);
  });

  it('accepts an upload through a presigned PUT sent with its headers; head shows size, type and checksum', async () => {
    const key = `${freshPrefix('presign-put')}theme.zip`;
    const bytes = Buffer.from('a theme package');
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const upload = await store.presignPut(key, { contentType: 'application/zip', sha256 });
    const response = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: bytes });

    expect(response.status).toBe(200);
    expect(upload.headers).toEqual({ 'content-type': 'application/zip' });
    expect(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
    expect(await store.head(key)).toMatchObject({
      size: bytes.length,
      contentType: 'application/zip',
      sha256,
    });
  });

  it('refuses a presigned PUT sent with another content type, and stores nothing', async () => {
    const key = `${freshPrefix('presign-put-type')}theme.zip`;
    const upload = await store.presignPut(key, { contentType: 'application/zip' });

    const response = await fetch(upload.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/html' },
      body: '<script>',
    });

    expect(response.status).toBe(403);
    expect(await store.head(key)).toBeUndefined();
  });

  it('rejects presign options out of range before signing', async () => {
    await expect(store.presignGet('a/b', { expiresInSeconds: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(store.presignGet('a/b', { expiresInSeconds: 8 * 24 * 3600 })).rejects.toMatchObject({
      status: 400,
    });
    await expect(store.presignPut('a/b', { contentType: ' ' })).rejects.toMatchObject({ status: 400 });
    await expect(store.presignPut('a/b', { contentType: 'text/plain', sha256: 'xyz' })).rejects.toMatchObject(
      {
        status: 400,
      },
    );
  });
});
