import { randomUUID } from 'node:crypto';
import { S3ArtifactStore } from '../src/s3-artifact-store.adapter';
import type { S3ArtifactStoreSettings } from '../src/s3-client.factory';

export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
}

/** The adapter against the local S3 server of the Jest global setup (S3_ENDPOINT, ARTIFACTS_BUCKET). */
export function localArtifactStore(settings: Partial<S3ArtifactStoreSettings> = {}): S3ArtifactStore {
  const endpoint = process.env.S3_ENDPOINT;
  const bucket = process.env.ARTIFACTS_BUCKET;
  if (!endpoint || !bucket)
    throw new Error('S3_ENDPOINT/ARTIFACTS_BUCKET missing: run through the Jest global setup');
  return new S3ArtifactStore({
    bucket,
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    },
    ...settings,
  });
}

/** Records every HTTP request the store's client sends, as signed and about to go on the wire. */
export function recordRequests(store: S3ArtifactStore): SentRequest[] {
  const sent: SentRequest[] = [];
  store.client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as SentRequest;
      sent.push({
        method: request.method,
        path: request.path,
        query: { ...request.query },
        headers: { ...request.headers },
      });
      return next(args);
    },
    // The deserialize step runs after signing: the request as it goes on the wire.
    { step: 'deserialize', name: 'recordRequests' },
  );
  return sent;
}

/** A fresh key prefix per test, so tests share the bucket without seeing each other's objects. */
export function freshPrefix(label: string): string {
  return `test/${label}-${randomUUID()}/`;
}
