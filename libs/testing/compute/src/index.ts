export { ComputeTestPlane } from './compute-test-plane';
export { RecordingTaskRunner, type RecordedTask } from './recording-task-runner';
export { RecordingWorkerFleet } from './recording-worker-fleet';
