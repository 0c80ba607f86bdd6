export {
  DEFAULT_JAVA_OPTIONS,
  startDynamoLocal,
  type DynamoLocalEngine,
  type DynamoLocalOptions,
} from './dynamo-local.engine';
export { defaultDynamoCacheDir, ensureDynamoJar, type DynamoLocalArtifact } from './dynamo-local.artifact';
export { ensureJava } from './java.runtime';
export { startSqs, type SqsOptions } from './sqs.engine';
export { EngineSetupError } from './engine-setup.error';
export { OrphanGuard } from './orphan.guard';
export { freePort, isPortFree } from './free-port.util';
export type { RunningEngine } from './running-engine';
export { repoRoot } from './repo-root.util';
export { signTestToken, type TestTokenClaims } from './test-token.signer';
export { generateSigningKey, type SigningJwk } from './test-signing-key';
export { startJwksServer } from './jwks.server';
export { eventually, pause } from './eventually';
export { QueueProbe, type ReceiveOptions, type SqsMessage } from './queue-probe';
