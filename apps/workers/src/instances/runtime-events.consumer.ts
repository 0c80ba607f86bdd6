import { VersionConflictError } from '@bbws/shared-errors';
import {
  InstanceStatusChangedError,
  type InstanceChanges,
  type InstanceDao,
  type RuntimeLookupDao,
} from '@bbws/data-access-instances';
import type { ComputePort } from '@bbws/integrations-compute';
import type { HandlerOutcome, MessageContext, QueueHandler } from '@bbws/platform-sqs';
import type { HostingEnvironments } from '@bbws/shared-config';
import { MESSAGES, type ParsedMessage, type RuntimeEventPayload } from '@bbws/shared-contracts';
import { parseEcsEvent } from './ecs-event.parser';
import { serviceOf } from './instance-refs';

const STEADY_STATE = 'SERVICE_STEADY_STATE';

/**
 * `bbws-instance-events`: ECS service events straight from EventBridge. The instance is found through
 * its runtime lookup item (environment + service name); its `lastRuntimeEvent` is recorded, and on a
 * steady state its running count as DescribeServices reports it. Events only inform: operations confirm
 * from DescribeServices themselves. Repeated or older events change nothing; unknown services are
 * acknowledged (logged).
 */
export class RuntimeEventsConsumer implements QueueHandler {
  readonly name = 'instance-events';
  readonly contracts = [MESSAGES.RUNTIME_EVENT];

  constructor(
    private readonly lookups: RuntimeLookupDao,
    private readonly instances: InstanceDao,
    private readonly compute: ComputePort,
    private readonly environments: HostingEnvironments,
  ) {}

  parse(body: string): ParsedMessage {
    return parseEcsEvent(body, this.environments);
  }

  async handle(message: ParsedMessage, context: MessageContext): Promise<HandlerOutcome> {
    const event = message.envelope.payload as RuntimeEventPayload;
    const target = await this.lookups.find(event.environment, event.serviceName);
    const instance = target ? await this.instances.get(target.tenantId, event.environment) : null;
    if (!target || !instance || instance.instanceId !== target.instanceId) {
      context.logger.info(
        { environment: event.environment, serviceName: event.serviceName, eventName: event.eventName },
        'runtime event for a service no instance owns; acknowledged',
      );
      return { action: 'ack' };
    }
    if (instance.status === 'DEPROVISIONED') return { action: 'ack' };
    const last = instance.lastRuntimeEvent;
    if (last && last.at >= event.occurredAt) return { action: 'ack' };
    const changes: InstanceChanges = { lastRuntimeEvent: { name: event.eventName, at: event.occurredAt } };
    if (event.eventName === STEADY_STATE) {
      const snapshot = await this.compute.describeService(serviceOf(instance));
      if (snapshot.status === 'ACTIVE') changes.runningCount = snapshot.runningCount;
    }
    try {
      await this.instances.change(instance, {
        expectedVersion: instance.version,
        expectedStatuses: [instance.status],
        changes,
      });
    } catch (error) {
      // The instance moved meanwhile: read it again on the next delivery.
      if (error instanceof VersionConflictError || error instanceof InstanceStatusChangedError)
        return { action: 'retry', delaySeconds: 1 };
      throw error;
    }
    return { action: 'ack' };
  }
}
