import { createHash } from 'node:crypto';
import {
  freshPrefix,
  localArtifactStore,
  recordRequests,
  type SentRequest,
} from '../test/artifact-store.fixture';
import type { S3ArtifactStore } from './s3-artifact-store.adapter';

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const SIGNED =
  /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

describe('S3ArtifactStore: the requests it sends (path style, signed, no default checksums)', () => {
  const bucket = process.env.ARTIFACTS_BUCKET ?? '';
  let store: S3ArtifactStore;
  let sent: SentRequest[];

  beforeEach(() => {
    store = localArtifactStore();
    sent = recordRequests(store);
  });

  afterEach(() => store.destroy());

  const path = (key: string) => `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;

  it('puts an object with its content type, metadata and SHA-256, signed, without a CRC32 checksum', async () => {
    const key = `${freshPrefix('shape-put')}a plugin.zip`;
    const bytes = Buffer.from('abc');
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    await store.put(key, bytes, { contentType: 'application/zip', metadata: { slug: 'akismet' } });

    expect(sent).toHaveLength(1);
    const [put] = sent;
    expect(put).toMatchObject({ method: 'PUT', path: path(key), query: { 'x-id': 'PutObject' } });
    expect(put.headers).toMatchObject({
      'content-type': 'application/zip',
      'content-length': '3',
      'x-amz-meta-sha256': sha256,
      'x-amz-meta-slug': 'akismet',
      'x-amz-content-sha256': sha256,
    });
    expect(put.headers.authorization).toMatch(SIGNED);
    expect(put.headers.authorization).toContain('content-type;');
    expect(Object.keys(put.headers).filter((name) => name.includes('checksum'))).toEqual([]);
  });

  it('reads with HEAD and GET on the object path', async () => {
    const key = `${freshPrefix('shape-read')}backup.tar`;
    await store.put(key, Buffer.from('x'));
    sent.length = 0;

    await store.head(key);
    await (await store.get(key)).body.toArray();

    expect(sent.map(({ method, path: sentPath, query }) => ({ method, path: sentPath, query }))).toEqual([
      { method: 'HEAD', path: path(key), query: {} },
      { method: 'GET', path: path(key), query: { 'x-id': 'GetObject' } },
    ]);
    for (const request of sent) {
      expect(request.headers['x-amz-content-sha256']).toBe(EMPTY_SHA256);
      expect(request.headers.authorization).toMatch(SIGNED);
    }
  });

  it('lists with ListObjectsV2 and passes the continuation token on', async () => {
    const prefix = freshPrefix('shape-list');
    await Promise.all(['a', 'b'].map((name) => store.put(`${prefix}${name}`, Buffer.from(name))));
    sent.length = 0;

    const first = await store.list(prefix, { pageSize: 1 });
    await store.list(prefix, { pageSize: 1, continuationToken: first.nextToken });

    expect(sent.map(({ method, path: sentPath }) => `${method} ${sentPath}`)).toEqual([
      `GET /${bucket}/`,
      `GET /${bucket}/`,
    ]);
    expect(sent[0].query).toEqual({ 'list-type': '2', prefix, 'max-keys': '1' });
    expect(sent[1].query).toEqual({
      'list-type': '2',
      prefix,
      'max-keys': '1',
      'continuation-token': expect.any(String),
    });
  });

  it('deletes a prefix with a listing of up to 1000 keys and one DeleteObjects, checksummed as S3 requires', async () => {
    const prefix = freshPrefix('shape-delete');
    await Promise.all(['a', 'b'].map((name) => store.put(`${prefix}${name}`, Buffer.from(name))));
    sent.length = 0;

    await store.deletePrefix(prefix);

    expect(sent.map(({ method, query }) => ({ method, query }))).toEqual([
      { method: 'GET', query: { 'list-type': '2', prefix, 'max-keys': '1000' } },
      { method: 'POST', query: { delete: '' } },
    ]);
    expect(sent[1].path).toBe(`/${bucket}/`);
    expect(sent[1].headers).toMatchObject({
      'content-type': 'application/xml',
      'x-amz-checksum-crc32': expect.any(String),
    });
  });

  it('deletes a large prefix in batches: list a batch, delete it, until the listing is complete', async () => {
    const batched = localArtifactStore({ deleteBatchSize: 2 });
    const calls = recordRequests(batched);
    const prefix = freshPrefix('shape-batches');
    try {
      await Promise.all([1, 2, 3, 4, 5].map((index) => batched.put(`${prefix}${index}`, Buffer.from('x'))));
      calls.length = 0;

      await expect(batched.deletePrefix(prefix)).resolves.toBe(5);

      expect(
        calls.map(({ method, query }) => `${method} ${query['max-keys'] ?? Object.keys(query).join()}`),
      ).toEqual(['GET 2', 'POST delete', 'GET 2', 'POST delete', 'GET 2', 'POST delete']);
      expect((await batched.list(prefix)).items).toEqual([]);
    } finally {
      batched.destroy();
    }
  });

  it('copies with an encoded x-amz-copy-source and the COPY metadata directive, and deletes by path', async () => {
    const prefix = freshPrefix('shape-copy');
    const source = `${prefix}my theme.zip`;
    const target = `${prefix}copied.zip`;
    await store.put(source, Buffer.from('t'));
    sent.length = 0;

    await store.copy(source, target);
    await store.delete(target);

    expect(sent[0]).toMatchObject({ method: 'PUT', path: path(target), query: { 'x-id': 'CopyObject' } });
    expect(sent[0].headers).toMatchObject({
      'x-amz-copy-source': `${bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
      'x-amz-metadata-directive': 'COPY',
    });
    expect(sent[1]).toMatchObject({
      method: 'DELETE',
      path: path(target),
      query: { 'x-id': 'DeleteObject' },
    });
  });
});
