export {
  LocalDataPlane,
  type LocalDataPlaneOptions,
  type RegisterInstanceInput,
  type RegisteredInstance,
} from './local-data-plane';
export {
  startControlServer,
  type ControlRequest,
  type ControlServer,
  type ControlServerOptions,
} from './control.server';
export type { FleetHealth, FleetInstance, WorkerFleet } from './worker-fleet.port';
export type { HostRoute, HostRoutes } from './host-routes';
export { clusterName, instanceResourceNames, LOCAL_ACCOUNT } from './arns';
export type { EcsEventBridgeEvent, EcsEventsOptions } from './ecs-event.publisher';
export { NO_TASK_RUNNER, type TaskRunner, type TaskRunResult } from './task-runner.port';
export type { TaskState } from './data-plane.state';
