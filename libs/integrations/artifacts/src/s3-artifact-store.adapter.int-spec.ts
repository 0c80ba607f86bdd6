import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { freshPrefix, localArtifactStore } from '../test/artifact-store.fixture';
import { ArtifactNotFoundError, InvalidArtifactKeyError } from './artifact.errors';
import type { S3ArtifactStore } from './s3-artifact-store.adapter';

const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

describe('S3ArtifactStore against the local S3 server', () => {
  let store: S3ArtifactStore;

  beforeAll(() => {
    store = localArtifactStore();
  });

  afterAll(() => store.destroy());

  it('stores a buffer with its SHA-256 and reads the same bytes, type and metadata back', async () => {
    const key = `${freshPrefix('round-trip')}site.tar.gz`;
    const bytes = Buffer.from('a backup, more or less');

    const stored = await store.put(key, bytes, {
      contentType: 'application/gzip',
      metadata: { 'site-id': 's-1' },
    });
    const download = await store.get(key);

    expect(stored).toEqual({ key, size: bytes.length, sha256: sha256(bytes) });
    expect(await text(download.body)).toBe(bytes.toString());
    expect(download).toMatchObject({
      key,
      size: bytes.length,
      sha256: sha256(bytes),
      contentType: 'application/gzip',
      metadata: { 'site-id': 's-1' },
    });
  });

  it('hashes a stream of unknown length while uploading it', async () => {
    const key = `${freshPrefix('stream')}dump.sql`;
    const chunks = Array.from({ length: 64 }, (_, index) => Buffer.alloc(16 * 1024, index));

    const stored = await store.put(key, Readable.from(chunks), { contentType: 'application/sql' });

    const whole = Buffer.concat(chunks);
    expect(stored).toEqual({ key, size: whole.length, sha256: sha256(whole) });
    expect(await store.head(key)).toMatchObject({
      size: whole.length,
      sha256: sha256(whole),
      contentType: 'application/sql',
    });
    const download = await store.get(key);
    const read = Buffer.concat(await download.body.toArray());
    expect(read.equals(whole)).toBe(true);
  });

  it('answers head of a missing key with undefined and get with ArtifactNotFoundError', async () => {
    const key = `${freshPrefix('missing')}nothing-here`;

    await expect(store.head(key)).resolves.toBeUndefined();
    await expect(store.get(key)).rejects.toThrow(ArtifactNotFoundError);
    await expect(store.get(key)).rejects.toMatchObject({ status: 404, code: 'ARTIFACT_NOT_FOUND' });
  });

  it('pages through a prefix with an opaque token until every object was listed once', async () => {
    const prefix = freshPrefix('pages');
    const keys = Array.from({ length: 7 }, (_, index) => `${prefix}item-${index}`);
    await Promise.all(keys.map((key) => store.put(key, Buffer.from(key))));
    await store.put(`${prefix.slice(0, -1)}-sibling/outside`, Buffer.from('not listed'));

    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await store.list(prefix, { pageSize: 3, continuationToken: token });
      pages.push(page.items.map((item) => item.key));
      token = page.nextToken;
    } while (token);

    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual([...keys].sort());
    const first = await store.list(prefix, { pageSize: 3 });
    expect(first.items[0]).toMatchObject({ key: keys[0], size: keys[0].length });
  });

  it('refuses a continuation token of another prefix', async () => {
    const prefix = freshPrefix('token');
    await Promise.all(['a', 'b'].map((name) => store.put(`${prefix}${name}`, Buffer.from(name))));
    const { nextToken } = await store.list(prefix, { pageSize: 1 });

    await expect(store.list(freshPrefix('other'), { continuationToken: nextToken })).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_CONTINUATION_TOKEN',
    });
  });

  it('deletes everything under a prefix in batches and nothing outside it', async () => {
    const prefix = freshPrefix('delete');
    const inside = Array.from({ length: 5 }, (_, index) => `${prefix}nested/${index}`);
    const outside = `${prefix.slice(0, -1)}-kept/survivor`;
    await Promise.all([...inside, outside].map((key) => store.put(key, Buffer.from(key))));

    await expect(store.deletePrefix(prefix)).resolves.toBe(5);

    expect((await store.list(prefix)).items).toEqual([]);
    expect(await store.head(outside)).toMatchObject({ size: outside.length });
    await expect(store.deletePrefix(prefix)).resolves.toBe(0);
  });

  it('deletes one object and succeeds again when it is already gone', async () => {
    const key = `${freshPrefix('delete-one')}file`;
    await store.put(key, Buffer.from('x'));

    await store.delete(key);
    await store.delete(key);

    await expect(store.head(key)).resolves.toBeUndefined();
  });

  it('copies bytes and metadata, including the checksum, and keeps the source', async () => {
    const prefix = freshPrefix('copy');
    const source = `${prefix}plugins/akismet 5.3.zip`;
    const target = `${prefix}archive/akismet.zip`;
    const stored = await store.put(source, Buffer.from('zip bytes'), {
      contentType: 'application/zip',
      metadata: { slug: 'akismet' },
    });

    await store.copy(source, target);

    expect(await store.head(target)).toMatchObject({
      size: stored.size,
      sha256: stored.sha256,
      contentType: 'application/zip',
      metadata: { slug: 'akismet' },
    });
    expect(await text((await store.get(target)).body)).toBe('zip bytes');
    expect(await store.head(source)).toMatchObject({ sha256: stored.sha256 });
  });

  it('copying a missing source fails with ArtifactNotFoundError', async () => {
    const prefix = freshPrefix('copy-missing');

    await expect(store.copy(`${prefix}absent`, `${prefix}target`)).rejects.toThrow(ArtifactNotFoundError);
  });

  it('rejects invalid keys and prefixes before sending anything', async () => {
    const tooLong = `${'é'.repeat(512)}x`;
    const attempts: Array<() => Promise<unknown>> = [
      () => store.put('../etc/passwd', Buffer.from('x')),
      () => store.put('/absolute', Buffer.from('x')),
      () => store.get(tooLong),
      () => store.head('a/../b'),
      () => store.copy('ok', 'a//b'),
      () => store.deletePrefix(''),
      () => store.deletePrefix('tenants/t-1'),
      () => store.list('../'),
      () => store.presignGet('folder/'),
    ];
    const sent: string[] = [];
    store.client.middlewareStack.add(
      (next) => async (args) => {
        sent.push('request');
        return next(args);
      },
      { step: 'initialize', name: 'countInvalidKeyRequests' },
    );
    try {
      for (const attempt of attempts) await expect(attempt()).rejects.toThrow(InvalidArtifactKeyError);
    } finally {
      store.client.middlewareStack.remove('countInvalidKeyRequests');
    }

    expect(sent).toEqual([]);
  });
});
