import type { Service } from '@aws-sdk/client-ecs';
import { toServiceSnapshot } from './service-snapshot.mapper';

const service = (overrides: Partial<Service> = {}): Service => ({
  serviceName: 'dev-acme-service',
  status: 'ACTIVE',
  desiredCount: 3,
  runningCount: 3,
  pendingCount: 0,
  deployments: [
    { id: 'ecs-svc/1', status: 'PRIMARY', desiredCount: 3, runningCount: 3, rolloutState: 'COMPLETED' },
  ],
  events: [
    {
      id: 'b',
      createdAt: new Date('2026-12-03T02:00:05Z'),
      message: '(service dev-acme-service) has reached a steady state.',
    },
    {
      id: 'a',
      createdAt: new Date('2026-12-03T02:00:00Z'),
      message: '(service dev-acme-service) has started 2 tasks.',
    },
  ],
  ...overrides,
});

describe('toServiceSnapshot', () => {
  it('is steady when desired = running, nothing pending, one deployment COMPLETED; the newest event is the last one', () => {
    expect(toServiceSnapshot(service(), 'x')).toEqual({
      serviceName: 'dev-acme-service',
      status: 'ACTIVE',
      desiredCount: 3,
      runningCount: 3,
      pendingCount: 0,
      deployments: [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED', desiredCount: 3, runningCount: 3 }],
      lastEvent: {
        message: '(service dev-acme-service) has reached a steady state.',
        createdAt: '2026-12-03T02:00:05.000Z',
      },
      steady: true,
    });
  });

  it.each<[string, Partial<Service>]>([
    ['counts differ', { runningCount: 1, pendingCount: 2 }],
    [
      'two deployments',
      {
        deployments: [
          ...(service().deployments ?? []),
          { id: 'ecs-svc/0', status: 'ACTIVE', rolloutState: 'COMPLETED' },
        ],
      },
    ],
    [
      'the rollout is in progress',
      { deployments: [{ id: 'ecs-svc/1', desiredCount: 3, runningCount: 3, rolloutState: 'IN_PROGRESS' }] },
    ],
    ['the service is draining', { status: 'DRAINING' }],
  ])('is not steady when %s', (_, overrides) => {
    expect(toServiceSnapshot(service(overrides), 'x').steady).toBe(false);
  });
});
