import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ensureBuckets } from './ensure-buckets';
import { LocalS3Server, type RunningLocalS3Server } from './local-s3.server';

const CREDENTIALS = { accessKeyId: 'local-key', secretAccessKey: 'local-secret' };

const clientFor = (endpoint: string, credentials = CREDENTIALS) =>
  new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });

describe('LocalS3Server', () => {
  let directory: string;
  let server: RunningLocalS3Server | undefined;
  const clients: S3Client[] = [];
  const client = (credentials = CREDENTIALS) => {
    const created = clientFor(server?.endpoint ?? '', credentials);
    clients.push(created);
    return created;
  };

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'bbws-local-s3-'));
  });

  afterEach(async () => {
    for (const created of clients.splice(0)) created.destroy();
    await server?.stop();
    server = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('starts on a free port with its buckets and keeps objects on disk across a restart', async () => {
    const data = path.join(directory, 'artifacts');
    server = await LocalS3Server.start({
      port: 0,
      directory: data,
      buckets: ['bbws-artifacts-local'],
      credentials: [CREDENTIALS],
    });
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    await client().send(
      new PutObjectCommand({ Bucket: 'bbws-artifacts-local', Key: 'a/b.txt', Body: 'kept' }),
    );
    await server.stop();
    await server.stop();

    server = await LocalS3Server.start({
      directory: data,
      buckets: ['bbws-artifacts-local', 'second'],
      credentials: [CREDENTIALS],
    });
    const output = await client().send(
      new GetObjectCommand({ Bucket: 'bbws-artifacts-local', Key: 'a/b.txt' }),
    );

    expect(await output.Body?.transformToString()).toBe('kept');
    await expect(client().send(new HeadBucketCommand({ Bucket: 'second' }))).resolves.toBeDefined();
  });

  it('creates buckets idempotently through the API', async () => {
    server = await LocalS3Server.start({ directory, credentials: [CREDENTIALS] });

    await ensureBuckets(server.endpoint, ['one', 'two'], CREDENTIALS);
    await ensureBuckets(server.endpoint, ['one'], CREDENTIALS);

    await expect(client().send(new HeadBucketCommand({ Bucket: 'one' }))).resolves.toBeDefined();
    await expect(client().send(new HeadBucketCommand({ Bucket: 'two' }))).resolves.toBeDefined();
  });

  it('refuses requests signed with a wrong secret or an unknown key, and unsigned ones', async () => {
    server = await LocalS3Server.start({ directory, buckets: ['guarded'], credentials: [CREDENTIALS] });
    const put = () => new PutObjectCommand({ Bucket: 'guarded', Key: 'x', Body: 'x' });

    await expect(client({ ...CREDENTIALS, secretAccessKey: 'wrong' }).send(put())).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(client({ accessKeyId: 'nobody', secretAccessKey: 'x' }).send(put())).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
    const anonymous = await fetch(`${server.endpoint}/guarded/x`, { method: 'PUT', body: 'x' });
    expect(anonymous.status).toBe(403);
    const listing = await client().send(new ListObjectsV2Command({ Bucket: 'guarded' }));
    expect(listing.KeyCount).toBe(0);
  });

  it('pages ListObjectsV2 with continuation tokens (s3rver alone fails truncated V2 listings)', async () => {
    server = await LocalS3Server.start({ directory, buckets: ['paged'], credentials: [CREDENTIALS] });
    const keys = ['k/1', 'k/2', 'k/3', 'other'];
    for (const key of keys)
      await client().send(new PutObjectCommand({ Bucket: 'paged', Key: key, Body: key }));

    const first = await client().send(
      new ListObjectsV2Command({ Bucket: 'paged', Prefix: 'k/', MaxKeys: 2 }),
    );
    const second = await client().send(
      new ListObjectsV2Command({
        Bucket: 'paged',
        Prefix: 'k/',
        MaxKeys: 2,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    const after = await client().send(new ListObjectsV2Command({ Bucket: 'paged', StartAfter: 'k/3' }));

    expect(first).toMatchObject({ IsTruncated: true, KeyCount: 2, Prefix: 'k/' });
    expect(first.Contents?.map((object) => object.Key)).toEqual(['k/1', 'k/2']);
    expect(second).toMatchObject({
      IsTruncated: false,
      KeyCount: 1,
      ContinuationToken: first.NextContinuationToken,
    });
    expect(second.Contents?.map((object) => object.Key)).toEqual(['k/3']);
    expect(second.NextContinuationToken).toBeUndefined();
    expect(after.Contents?.map((object) => object.Key)).toEqual(['other']);
  });

  it('reports a taken port instead of hanging', async () => {
    server = await LocalS3Server.start({ directory, credentials: [CREDENTIALS] });

    await expect(LocalS3Server.start({ directory, port: server.port })).rejects.toThrow(
      `port ${server.port} (local S3) is already in use`,
    );
  });
});
