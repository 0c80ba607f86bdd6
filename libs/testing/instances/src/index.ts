export {
  ComputeTestPlane,
  RecordingTaskRunner,
  RecordingWorkerFleet,
  type RecordedTask,
} from '@bbws/testing-compute';
export { buildInstance, uniqueRulePriority, uniqueSlug } from './instance.factory';
export { startTestLocalCloud, TEST_GITOPS_TOKEN, type TestLocalCloud } from './test-local-cloud';
