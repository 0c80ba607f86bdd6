import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { LocalS3Credentials } from './local-s3.server';

/** Creates the buckets on an S3-compatible endpoint through its API; existing ones are left as they are. */
export async function ensureBuckets(
  endpoint: string,
  buckets: readonly string[],
  credentials: LocalS3Credentials,
  region = 'us-east-1',
): Promise<void> {
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials });
  try {
    await Promise.all(
      buckets.map(async (bucket) => {
        try {
          await client.send(new CreateBucketCommand({ Bucket: bucket }));
        } catch (error) {
          const name = (error as { name?: string }).name;
          if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
        }
      }),
    );
  } finally {
    client.destroy();
  }
}
