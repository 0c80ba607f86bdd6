export { ComputeTestPlane } from './compute-test-plane';
export { RecordingWorkerFleet } from './recording-worker-fleet';
export { buildInstance, uniqueSlug } from './instance.factory';
