import { loadHostingEnvironments } from '@bbws/shared-config';
import { MalformedMessageError } from '@bbws/shared-contracts';
import { parseEcsEvent } from './ecs-event.parser';

describe('parseEcsEvent', () => {
  const environments = loadHostingEnvironments({}, 'local');
  const deployment = {
    version: '0',
    id: 'c0ffee00-0000-4000-8000-000000000001',
    'detail-type': 'ECS Deployment State Change',
    source: 'aws.ecs',
    account: '000000000000',
    time: '2026-12-03T02:00:00Z',
    region: 'us-east-1',
    resources: ['arn:aws:ecs:us-east-1:000000000000:service/sit-cluster/sit-acme-service'],
    detail: { eventType: 'ERROR', eventName: 'SERVICE_DEPLOYMENT_FAILED', deploymentId: 'ecs-svc/1' },
  };

  it('reads a deployment event: environment from the cluster in the service ARN, the event id as correlation', () => {
    const { envelope, contract } = parseEcsEvent(JSON.stringify(deployment), environments);
    expect(contract.messageType).toBe('RUNTIME_EVENT');
    expect(envelope).toMatchObject({
      tenantId: null,
      operationId: null,
      correlationId: deployment.id,
      idempotencyKey: deployment.id,
      payload: {
        environment: 'SIT',
        serviceName: 'sit-acme-service',
        eventName: 'SERVICE_DEPLOYMENT_FAILED',
        occurredAt: '2026-12-03T02:00:00Z',
      },
    });
  });

  it.each([
    ['a body that is not JSON', '{nope'],
    ['another source', JSON.stringify({ ...deployment, source: 'aws.ec2' })],
    ['a task event', JSON.stringify({ ...deployment, 'detail-type': 'ECS Task State Change' })],
    ['no service ARN', JSON.stringify({ ...deployment, resources: ['arn:aws:ecs:us-east-1:0:task/x/y'] })],
    [
      'a cluster no environment owns',
      JSON.stringify({
        ...deployment,
        resources: ['arn:aws:ecs:us-east-1:0:service/qa-cluster/qa-acme-service'],
      }),
    ],
    ['no event name', JSON.stringify({ ...deployment, detail: {} })],
  ])('refuses %s as malformed', (_case, body) => {
    expect(() => parseEcsEvent(body, environments)).toThrow(MalformedMessageError);
  });
});
