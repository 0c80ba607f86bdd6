export { OperationContext, type StepOutput } from './operation-context';
export { OperationLauncher, type LaunchRequest } from './operation-launcher';
export { operationRoutes, presentOperation, type OperationResource } from './operation.presenter';
export {
  OperationProcessor,
  type OperationHandler,
  type OperationOutcome,
  type OperationProcessorOptions,
} from './operation-processor';
export {
  OperationErrorResponseDto,
  OperationResponseDto,
  OperationStepResponseDto,
} from './operation.response.dto';
export type { OperationLaunchStore, OperationRunStore, OperationSweepStore } from './operation-store.port';
export { OperationSweeper, type OperationSweeperOptions, type SweepResult } from './operation-sweeper';
