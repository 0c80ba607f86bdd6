import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemberDao, TenantDao } from '@bbws/data-access-tenants';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
  type DynamoContext,
} from '@bbws/data-access-dynamo';
import { artifactsBucketName } from '@bbws/integrations-artifacts';
import { ensureBuckets, LocalS3Server } from '@bbws/integrations-local-artifacts';
import { createSqsClient, ensureQueues } from '@bbws/platform-sqs';
import { CursorCodec } from '@bbws/shared-hateoas';
import { newId, systemClock } from '@bbws/shared-util';
import {
  generateSigningKey,
  signTestToken,
  startDynamoLocal,
  startJwksServer,
  startSqs,
} from '@bbws/testing-engines';

const STAGE = 'test';
const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };
const AUDIENCE = 'bbws-bench';

export interface BenchEngines {
  /** What a spawned app needs in its environment (endpoints, identity, stage). */
  env: NodeJS.ProcessEnv;
  db: DynamoContext;
  tenantId: string;
  userId: string;
  /** `Authorization` header of `userId`, a VIEWER member of `tenantId`. */
  auth: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local (in memory), local SQS, a local S3 and a JWKS on free ports, with the bench stage's tables,
 * queues and bucket, the environment the apps read, and one seeded tenant with a VIEWER member.
 */
export async function startBenchEngines(): Promise<BenchEngines> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'bbws-bench-'));
  const cleanups: (() => unknown)[] = [];
  const stop = async () => {
    await Promise.allSettled(cleanups.map(async (cleanup) => cleanup()));
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    const key = await generateSigningKey();
    const started = await Promise.all([
      startJwksServer([key.publicJwk]),
      startDynamoLocal({ inMemory: true }),
      startSqs({ region: REGION }),
      LocalS3Server.start({ directory: path.join(workDir, 's3'), credentials: [CREDENTIALS] }),
    ]);
    for (const engine of started) cleanups.push(() => engine.stop());
    const [jwks, dynamo, sqs, s3] = started;
    const bucket = artifactsBucketName(STAGE);
    const raw = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
    const sqsClient = createSqsClient({ region: REGION, endpoint: sqs.endpoint });
    const tables = defaultTableNames(STAGE);
    await Promise.all([
      ensureTables(raw, tables),
      ensureQueues(sqsClient, STAGE),
      ensureBuckets(s3.endpoint, [bucket], CREDENTIALS, REGION),
    ]);
    sqsClient.destroy();
    cleanups.push(() => raw.destroy());
    const issuer = `${jwks.endpoint}/bench-identity`;
    const cursorSecret = randomBytes(32).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BBWS_STAGE: STAGE,
      BBWS_DATA_DIR: path.join(workDir, 'data'),
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: `${jwks.endpoint}/.well-known/jwks.json`,
      CURSOR_SECRET: cursorSecret,
      GITOPS_TOKEN: `bench-${randomBytes(8).toString('hex')}`,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SQS_ENDPOINT: sqs.endpoint,
      S3_ENDPOINT: s3.endpoint,
      ARTIFACTS_BUCKET: bucket,
      LOG_LEVEL: 'warn',
      WORKER_WAIT_TIME_SECONDS: '1',
    };
    const db: DynamoContext = {
      client: createDocumentClient(raw),
      tables,
      cursors: new CursorCodec(cursorSecret),
      clock: systemClock,
    };
    const userId = randomUUID();
    const tenantId = await seedTenantMember(db, userId);
    const token = await signTestToken({
      sub: userId,
      email: 'member@bench.example',
      issuer,
      audience: AUDIENCE,
      key: key.privateJwk,
      expiresInSeconds: 3600,
    });
    return { env, db, tenantId, userId, auth: { authorization: `Bearer ${token}` }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A new ACTIVE tenant with `userId` as a VIEWER member; returns the tenant's id. */
export async function seedTenantMember(db: DynamoContext, userId: string): Promise<string> {
  const tenants = new TenantDao(db, { auditRetentionDays: 30 });
  const now = new Date().toISOString();
  const tenantId = newId('tenant');
  await tenants.create(
    {
      tenantId,
      organizationName: `Bench ${tenantId.slice(-8)}`,
      contactEmail: 'bench@bench.example',
      tier: 'STANDARD',
      status: 'ACTIVE',
      statusReason: null,
      metadata: {},
      adminCount: 0,
      createdAt: now,
      createdBy: 'bench',
      updatedAt: now,
      updatedBy: 'bench',
      version: 1,
    },
    { eventId: newId('evt'), tenantId, timestamp: now, actor: 'bench', action: 'TENANT_CREATED' },
  );
  await new MemberDao(db, tenants).add(
    {
      tenantId,
      userId,
      email: 'member@bench.example',
      name: 'Bench Member',
      role: 'VIEWER',
      teamIds: [],
      joinedAt: now,
      addedBy: 'bench',
      updatedAt: now,
      version: 1,
    },
    { eventId: newId('evt'), tenantId, timestamp: now, actor: 'bench', action: 'MEMBER_ADDED' },
  );
  return tenantId;
}
