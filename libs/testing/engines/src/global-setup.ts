import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalS3Server } from '@bbws/integrations-local-artifacts';
import { startDynamoLocal } from './dynamo-local.engine';
import { JWKS_PATH, startJwksServer } from './jwks.server';
import type { RunningEngine } from './running-engine';
import { startSqs } from './sqs.engine';
import { generateSigningKey } from './test-signing-key';
import {
  TEST_ARTIFACTS_BUCKET,
  TEST_AUDIENCE,
  TEST_CREDENTIALS,
  TEST_REGION,
  TEST_STAGE,
  provisionTestResources,
} from './test-environment';

interface EnginesState {
  engines: RunningEngine[];
  workDir: string;
}

const STATE = Symbol.for('bbws.testing-engines.state');
type GlobalWithState = typeof globalThis & { [STATE]?: EnginesState };

/**
 * Jest global setup: DynamoDB Local (in memory), local SQS and a local S3 server (objects in the
 * run's temp directory) on free ports with the test stage's tables, queues and artifacts bucket,
 * plus a JWKS for test tokens, all exported through process.env to the test workers.
 * `BBWS_TEST_ENGINES=none` skips the engines (the JWKS is still served).
 */
export async function globalSetup(): Promise<void> {
  const holder = globalThis as GlobalWithState;
  if (holder[STATE]) return;
  const withEngines = process.env.BBWS_TEST_ENGINES !== 'none';
  const workDir = await mkdtemp(path.join(tmpdir(), 'bbws-test-'));
  const state: EnginesState = { engines: [], workDir };
  holder[STATE] = state;
  try {
    const key = await generateSigningKey();
    const results = await Promise.allSettled([
      startJwksServer([key.publicJwk]),
      withEngines ? startDynamoLocal({ inMemory: true }) : Promise.resolve(undefined),
      withEngines ? startSqs({ region: TEST_REGION }) : Promise.resolve(undefined),
      withEngines
        ? LocalS3Server.start({ directory: path.join(workDir, 's3'), credentials: [TEST_CREDENTIALS] })
        : Promise.resolve(undefined),
    ]);
    for (const result of results)
      if (result.status === 'fulfilled' && result.value) state.engines.push(result.value);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const [jwks, dynamo, sqs, s3] = results.map((result) =>
      result.status === 'fulfilled' ? result.value : undefined,
    );

    const keyFile = path.join(workDir, 'signing-key.json');
    await writeFile(keyFile, JSON.stringify(key.privateJwk), { mode: 0o600 });
    Object.assign(process.env, {
      BBWS_STAGE: TEST_STAGE,
      BBWS_DATA_DIR: path.join(workDir, 'data'),
      // Shared by every test process of the run (factories reserve run-wide unique values here).
      BBWS_TEST_RUN_DIR: workDir,
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AUTH_ISSUER: `${jwks?.endpoint}/test-identity`,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_URL: `${jwks?.endpoint}${JWKS_PATH}`,
      BBWS_TEST_SIGNING_KEY_FILE: keyFile,
      CURSOR_SECRET: randomBytes(32).toString('hex'),
      // The GitOps workers refuse to boot without a token; suites that talk to a local GitHub server pass theirs.
      GITOPS_TOKEN: `test-${randomBytes(8).toString('hex')}`,
      ...(dynamo ? { DYNAMODB_ENDPOINT: dynamo.endpoint } : {}),
      ...(sqs ? { SQS_ENDPOINT: sqs.endpoint } : {}),
      ...(s3 ? { S3_ENDPOINT: s3.endpoint, ARTIFACTS_BUCKET: TEST_ARTIFACTS_BUCKET } : {}),
    });
    await provisionTestResources({
      dynamo: process.env.DYNAMODB_ENDPOINT,
      sqs: process.env.SQS_ENDPOINT,
      s3: process.env.S3_ENDPOINT,
    });
  } catch (error) {
    await globalTeardown();
    throw error;
  }
}

export async function globalTeardown(): Promise<void> {
  const holder = globalThis as GlobalWithState;
  const state = holder[STATE];
  if (!state) return;
  holder[STATE] = undefined;
  await Promise.allSettled(state.engines.map((engine) => engine.stop()));
  await rm(state.workDir, { recursive: true, force: true });
}
