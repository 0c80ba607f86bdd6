import type { Provider } from '@nestjs/common';
import { InstanceDao, RuntimeLookupDao } from '@bbws/data-access-instances';
import { S3ArtifactStore, type ArtifactStore } from '@bbws/integrations-artifacts';
import { COMPUTE_PORT, createComputeAdapter } from '@bbws/integrations-compute';
import { OctokitGitOps } from '@bbws/integrations-gitops';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  PLATFORM_CONFIG,
  provideClass,
  provideFactory,
} from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import { ConfigError } from '@bbws/shared-config';
import { token } from '@bbws/shared-util';
import type { GitOpsPort } from '@bbws/integrations-gitops';
import { INSTANCE_WORKERS_CONFIG, WORKERS_CONFIG } from '../workers.tokens';
import { InstanceFailureRecorder } from './instance-failure.recorder';
import { InstanceStateWriter } from './instance-state.writer';
import { WorkflowRunTracker } from './workflow-run.tracker';

export const GITOPS_PORT = token<GitOpsPort>('GITOPS_PORT');
export const ARTIFACT_STORE = token<ArtifactStore>('ARTIFACT_STORE');

/** What every instance worker module provides for itself: the instance store, config and compute. */
export const INSTANCE_STORE_PROVIDERS: Provider[] = [
  provideClass(InstanceDao, [DYNAMO_CONTEXT]),
  provideClass(RuntimeLookupDao, [DYNAMO_CONTEXT]),
  provideClass(InstanceStateWriter, [InstanceDao]),
  provideFactory(INSTANCE_WORKERS_CONFIG, [WORKERS_CONFIG], (config) => {
    if (!config.instances) throw new ConfigError('The instance workers are enabled without their config');
    return config.instances;
  }),
  provideFactory(COMPUTE_PORT, [INSTANCE_WORKERS_CONFIG], (config) => createComputeAdapter(config.compute)),
];

/** Plus the GitOps repositories and the workflow tracker, for the provision and deprovision workers. */
export const INSTANCE_GITOPS_PROVIDERS: Provider[] = [
  ...INSTANCE_STORE_PROVIDERS,
  provideFactory(GITOPS_PORT, [INSTANCE_WORKERS_CONFIG], (config) => {
    if (!config.gitops)
      throw new ConfigError(
        'GITOPS_TOKEN is required by the instance-provision and instance-deprovision workers',
      );
    return new OctokitGitOps({ environments: config.gitops });
  }),
  provideFactory(
    WorkflowRunTracker,
    [GITOPS_PORT, INSTANCE_WORKERS_CONFIG],
    (gitops, config) => new WorkflowRunTracker(gitops, config.workflow),
  ),
  provideClass(InstanceFailureRecorder, [InstanceStateWriter, EventPublisher, CLOCK]),
];

/**
 * The artifact store (instance archives) from ARTIFACTS_BUCKET / S3_ENDPOINT: path-style against a
 * local endpoint; credentials from the default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY locally,
 * the task role in the cloud).
 */
export const INSTANCE_ARTIFACTS_PROVIDERS: Provider[] = [
  provideFactory(
    ARTIFACT_STORE,
    [INSTANCE_WORKERS_CONFIG, PLATFORM_CONFIG],
    (config, platform) =>
      new S3ArtifactStore({
        bucket: config.artifacts.bucket,
        region: platform.region,
        ...(config.artifacts.endpoint ? { endpoint: config.artifacts.endpoint } : {}),
        forcePathStyle: config.artifacts.forcePathStyle,
      }),
  ),
];
