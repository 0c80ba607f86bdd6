import { ecsErrorBody, epochSeconds, serviceJson } from './ecs-json.codec';
import { newService } from './service-records';

describe('ECS JSON 1.1 codec', () => {
  it('writes timestamps as epoch seconds (with milliseconds as the fraction)', () => {
    expect(epochSeconds('2026-12-03T02:00:00.250Z')).toBe(1796263200.25);
  });

  it('writes a service with its load balancer, deployments and events as DescribeServices does', () => {
    const service = newService({
      environment: 'DEV',
      slug: 'acme',
      serviceName: 'dev-acme-service',
      serviceArn: 'arn:aws:ecs:us-east-1:000000000000:service/dev-cluster/dev-acme-service',
      taskDefinition: 'arn:aws:ecs:us-east-1:000000000000:task-definition/dev-acme-service:1',
      targetGroupArn: 'arn:tg',
      ruleArn: 'arn:rule',
      desiredCount: 2,
    });
    service.events.push({
      id: 'e1',
      createdAt: '2026-12-03T02:00:00.000Z',
      message: 'has reached a steady state.',
    });

    const json = serviceJson(service, 'arn:aws:ecs:us-east-1:000000000000:cluster/dev-cluster');

    expect(json).toMatchObject({
      serviceArn: service.serviceArn,
      serviceName: 'dev-acme-service',
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/dev-cluster',
      loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'wordpress', containerPort: 80 }],
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 0,
      pendingCount: 2,
      createdAt: expect.any(Number),
      deployments: [
        {
          id: expect.stringMatching(/^ecs-svc\/\d{19}$/),
          status: 'PRIMARY',
          desiredCount: 2,
          runningCount: 0,
          pendingCount: 2,
          rolloutState: 'IN_PROGRESS',
          rolloutStateReason: expect.stringMatching(/^ECS deployment ecs-svc\/\d{19} in progress\.$/),
        },
      ],
      events: [{ id: 'e1', createdAt: 1796263200, message: 'has reached a steady state.' }],
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('writes errors as { __type, message }', () => {
    expect(JSON.parse(ecsErrorBody('ServiceNotFoundException', 'Service not found.'))).toEqual({
      __type: 'ServiceNotFoundException',
      message: 'Service not found.',
    });
  });
});
