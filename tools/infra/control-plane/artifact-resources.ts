import { DEFAULT_ARTIFACT_RETENTION, artifactsBucketName } from '@bbws/integrations-artifacts';
import { arnOf, ref, type CfnObject, type CfnResources } from './template-types';

export const ARTIFACTS_BUCKET_ID = 'ArtifactsBucket';
/** Multipart uploads left unfinished (a crashed backup) are cleaned up after this many days. */
const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

/**
 * The artifacts bucket under the name the code uses (`artifactsBucketName(stage)`): versioned,
 * encrypted at rest, closed to the public and to plain HTTP, owner-enforced; backups and instance
 * archives expire per DEFAULT_ARTIFACT_RETENTION. Retained when the stack goes.
 */
export function artifactResources(stage: string): CfnResources {
  return {
    [ARTIFACTS_BUCKET_ID]: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BucketName: artifactsBucketName(stage),
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LifecycleConfiguration: {
          Rules: [
            ...DEFAULT_ARTIFACT_RETENTION.map((rule) => ({
              Id: `expire-${rule.prefix.replace(/\/$/, '')}`,
              Status: 'Enabled',
              Prefix: rule.prefix,
              ExpirationInDays: rule.expireAfterDays,
              NoncurrentVersionExpiration: { NoncurrentDays: rule.noncurrentExpireAfterDays },
            })),
            {
              Id: 'abort-incomplete-uploads',
              Status: 'Enabled',
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS },
            },
          ],
        },
      },
    },
    ArtifactsBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref(ARTIFACTS_BUCKET_ID),
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyPlainHttp',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [arnOf(ARTIFACTS_BUCKET_ID), objectsOf(ARTIFACTS_BUCKET_ID)],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
  };
}

/** What the platform's tasks may do with artifacts: the adapter's operations, nothing on the bucket's settings. */
export function artifactPolicyStatements(): CfnObject[] {
  return [
    { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: arnOf(ARTIFACTS_BUCKET_ID) },
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: objectsOf(ARTIFACTS_BUCKET_ID),
    },
  ];
}

function objectsOf(logicalId: string): CfnObject {
  return { 'Fn::Sub': ['${Arn}/*', { Arn: arnOf(logicalId) }] };
}
