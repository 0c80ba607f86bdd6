import { randomUUID } from 'node:crypto';
import { SendMessageCommand, SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';
import { LOCAL_ACCOUNT } from './arns';

export type EcsEventName =
  | 'SERVICE_STEADY_STATE'
  | 'SERVICE_DEPLOYMENT_IN_PROGRESS'
  | 'SERVICE_DEPLOYMENT_COMPLETED'
  | 'SERVICE_DEPLOYMENT_FAILED';

/** An EventBridge event as ECS emits it and an EventBridge → SQS target delivers it (the raw JSON). */
export interface EcsEventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': 'ECS Service Action' | 'ECS Deployment State Change';
  source: 'aws.ecs';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, string>;
}

export interface EcsEventsOptions {
  queueUrl: string;
  /** An SQS client, or the config to create one (endpoint, region, credentials). */
  sqs: SQSClient | SQSClientConfig;
}

export type ServiceEventInput =
  | { eventName: 'SERVICE_STEADY_STATE'; serviceArn: string; clusterArn: string; at: Date }
  | {
      eventName: Exclude<EcsEventName, 'SERVICE_STEADY_STATE'>;
      serviceArn: string;
      deploymentId: string;
      reason: string;
      at: Date;
    };

/** EventBridge writes `time` without milliseconds. */
function eventTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function ecsEvent(region: string, input: ServiceEventInput): EcsEventBridgeEvent {
  const envelope = {
    version: '0' as const,
    id: randomUUID(),
    source: 'aws.ecs' as const,
    account: LOCAL_ACCOUNT,
    time: eventTime(input.at),
    region,
    resources: [input.serviceArn],
  };
  if (input.eventName === 'SERVICE_STEADY_STATE')
    return {
      ...envelope,
      'detail-type': 'ECS Service Action',
      detail: {
        eventType: 'INFO',
        eventName: input.eventName,
        clusterArn: input.clusterArn,
        createdAt: input.at.toISOString(),
      },
    };
  return {
    ...envelope,
    'detail-type': 'ECS Deployment State Change',
    detail: {
      eventType: input.eventName === 'SERVICE_DEPLOYMENT_FAILED' ? 'ERROR' : 'INFO',
      eventName: input.eventName,
      deploymentId: input.deploymentId,
      updatedAt: input.at.toISOString(),
      reason: input.reason,
    },
  };
}

/** Sends ECS-shaped events to the instance-events queue, where EventBridge delivers them in AWS. */
export class EcsEventPublisher {
  private readonly sqs: SQSClient;
  private readonly ownsClient: boolean;

  constructor(
    private readonly region: string,
    private readonly options: EcsEventsOptions,
  ) {
    this.ownsClient = !(options.sqs instanceof SQSClient);
    this.sqs = options.sqs instanceof SQSClient ? options.sqs : new SQSClient(options.sqs);
  }

  async publish(input: ServiceEventInput): Promise<EcsEventBridgeEvent> {
    const event = ecsEvent(this.region, input);
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: JSON.stringify(event) }),
    );
    return event;
  }

  close(): void {
    if (this.ownsClient) this.sqs.destroy();
  }
}
