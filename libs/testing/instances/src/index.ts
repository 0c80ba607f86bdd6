export { ComputeTestPlane } from './compute-test-plane';
export { RecordingWorkerFleet } from './recording-worker-fleet';
export { RecordingTaskRunner, type RecordedTask } from './recording-task-runner';
export { buildInstance, uniqueSlug } from './instance.factory';
export { startTestLocalCloud, TEST_GITOPS_TOKEN, type TestLocalCloud } from './test-local-cloud';
