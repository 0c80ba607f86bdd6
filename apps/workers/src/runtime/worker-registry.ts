import type { Type } from '@nestjs/common';
import type { OperationHandler } from '@bbws/platform-operations';
import type { QueueHandler } from '@bbws/platform-sqs';
import type { QueueKey } from '@bbws/shared-contracts';
import {
  InstanceDeprovisionHandler,
  InstanceDeprovisionModule,
} from '../instances/instance-deprovision.module';
import { INSTANCE_LIFECYCLE_HANDLERS, InstanceLifecycleModule } from '../instances/instance-lifecycle.module';
import { INSTANCE_PROVISION_HANDLERS, InstanceProvisionModule } from '../instances/instance-provision.module';
import { InstanceReconcilerModule } from '../instances/instance-reconciler.module';
import { InstanceReconcilerTask } from '../instances/instance-reconciler.task';
import { RuntimeEventsConsumer } from '../instances/runtime-events.consumer';
import { RuntimeEventsModule } from '../instances/runtime-events.module';
import { SITE_CLONE_HANDLERS } from '../site-clone/site-clone.module';
import { SITE_DELETION_HANDLERS, SiteDeletionModule } from '../site-deletion/site-deletion.module';
import { SitePurgeModule } from '../site-deletion/site-purge.module';
import { SitePurgeTask } from '../site-deletion/site-purge.task';
import { SITE_UPDATE_HANDLERS, SiteUpdateModule } from '../site-update/site-update.module';
import { SiteCreationHandler } from '../sites/site-creation.handler';
import { SiteCreationModule } from '../sites/site-creation.module';
import { SweeperModule } from '../sweeper/sweeper.module';
import { SweeperTask } from '../sweeper/sweeper.task';
import { TenantEventsModule } from '../tenant-events/tenant-events.module';
import { TenantLifecycleConsumer } from '../tenant-events/tenant-events.consumer';
import { WebhooksConsumer } from '../webhooks/webhooks.consumer';
import { WebhooksModule } from '../webhooks/webhooks.module';
import type { WorkerTask } from './worker-task';

/**
 * What a worker is: `operations` consumes a queue of operation messages (claimed, run in steps and
 * finished by the OperationProcessor); `messages` consumes a queue with its own QueueHandler; `task`
 * runs periodically. `module` provides `handler` / `handlers`.
 */
export type WorkerDefinition =
  | {
      name: string;
      queue: QueueKey;
      kind: 'operations';
      module: Type;
      /** One per message type the queue carries. */
      handlers: readonly Type<OperationHandler>[];
    }
  | { name: string; queue: QueueKey; kind: 'messages'; module: Type; handler: Type<QueueHandler> }
  | { name: string; queue: null; kind: 'task'; module: Type; handler: Type<WorkerTask> };

/** Every worker this app can run (`WORKERS=` picks a subset); config, `/ready` and the runtime derive from it. */
export const WORKER_REGISTRY = [
  {
    name: 'tenant-events',
    queue: 'tenant-events',
    kind: 'operations',
    module: TenantEventsModule,
    handlers: [TenantLifecycleConsumer],
  },
  {
    name: 'instance-provision',
    queue: 'instance-provision',
    kind: 'operations',
    module: InstanceProvisionModule,
    handlers: INSTANCE_PROVISION_HANDLERS,
  },
  {
    name: 'instance-lifecycle',
    queue: 'instance-lifecycle',
    kind: 'operations',
    module: InstanceLifecycleModule,
    handlers: INSTANCE_LIFECYCLE_HANDLERS,
  },
  {
    name: 'instance-deprovision',
    queue: 'instance-deprovision',
    kind: 'operations',
    module: InstanceDeprovisionModule,
    handlers: [InstanceDeprovisionHandler],
  },
  {
    name: 'site-creation',
    queue: 'site-creation',
    kind: 'operations',
    module: SiteCreationModule,
    handlers: [SiteCreationHandler, ...SITE_CLONE_HANDLERS],
  },
  {
    name: 'site-update',
    queue: 'site-update',
    kind: 'operations',
    module: SiteUpdateModule,
    handlers: SITE_UPDATE_HANDLERS,
  },
  {
    name: 'site-deletion',
    queue: 'site-deletion',
    kind: 'operations',
    module: SiteDeletionModule,
    handlers: SITE_DELETION_HANDLERS,
  },
  {
    name: 'instance-events',
    queue: 'instance-events',
    kind: 'messages',
    module: RuntimeEventsModule,
    handler: RuntimeEventsConsumer,
  },
  {
    name: 'webhooks',
    queue: 'webhooks',
    kind: 'messages',
    module: WebhooksModule,
    handler: WebhooksConsumer,
  },
  { name: 'sweeper', queue: null, kind: 'task', module: SweeperModule, handler: SweeperTask },
  { name: 'site-purge', queue: null, kind: 'task', module: SitePurgeModule, handler: SitePurgeTask },
  {
    name: 'instance-reconciler',
    queue: null,
    kind: 'task',
    module: InstanceReconcilerModule,
    handler: InstanceReconcilerTask,
  },
] as const satisfies readonly WorkerDefinition[];

export type WorkerName = (typeof WORKER_REGISTRY)[number]['name'];
export type QueueWorkerName = Extract<(typeof WORKER_REGISTRY)[number], { queue: QueueKey }>['name'];

export const WORKER_NAMES = WORKER_REGISTRY.map((worker) => worker.name);
export const QUEUE_WORKER_NAMES = WORKER_REGISTRY.flatMap((worker) =>
  worker.queue === null ? [] : [worker.name],
);
