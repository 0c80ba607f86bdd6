import { QUEUE_DEFINITIONS, queueName, type QueueKey } from '@bbws/shared-contracts';
import { pascal } from './deployable-apps';
import { arnOf, ref, type CfnResources } from './template-types';

export const queueLogicalId = (key: QueueKey) => `${pascal(key)}Queue`;

/** Every queue of QUEUE_DEFINITIONS, work queues redriving to their DLQ after `maxReceiveCount`. */
export function queueResources(stage: string): CfnResources {
  const resources: CfnResources = {};
  for (const definition of QUEUE_DEFINITIONS) {
    resources[queueLogicalId(definition.key)] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: queueName(definition.key, stage),
        VisibilityTimeout: definition.visibilityTimeoutSeconds,
        MessageRetentionPeriod: definition.messageRetentionSeconds,
        SqsManagedSseEnabled: true,
        ...(definition.deadLetter && {
          RedrivePolicy: {
            deadLetterTargetArn: arnOf(queueLogicalId(definition.deadLetter.queue)),
            maxReceiveCount: definition.deadLetter.maxReceiveCount,
          },
        }),
      },
    };
  }
  return resources;
}

/** ECS task state changes (the instances' containers) -> the instance-events queue. */
export function taskStateEventResources(stage: string): CfnResources {
  const queue = queueLogicalId('instance-events');
  return {
    EcsTaskStateChangeRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: `bbws-ecs-task-state-${stage}`,
        EventPattern: { source: ['aws.ecs'], 'detail-type': ['ECS Task State Change'] },
        State: 'ENABLED',
        Targets: [{ Id: 'instance-events', Arn: arnOf(queue) }],
      },
    },
    InstanceEventsQueuePolicy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref(queue)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: arnOf(queue),
              Condition: { ArnEquals: { 'aws:SourceArn': arnOf('EcsTaskStateChangeRule') } },
            },
          ],
        },
      },
    },
  };
}
