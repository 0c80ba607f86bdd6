import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startControlServer, type ControlServer } from './control.server';
import { LocalDataPlane } from './local-data-plane';
import type { FleetInstance, WorkerFleet } from './worker-fleet.port';

/** Workers that are healthy as soon as they are asked for. */
class InstantFleet implements WorkerFleet {
  readonly calls: { instance: FleetInstance; count: number }[] = [];
  private readonly counts = new Map<string, number>();
  async scale(instance: FleetInstance, count: number) {
    this.calls.push({ instance, count });
    this.counts.set(`${instance.environment}/${instance.slug}`, count);
  }
  async health(instance: FleetInstance) {
    const running = this.counts.get(`${instance.environment}/${instance.slug}`) ?? 0;
    return { running, workers: Array.from({ length: running }, () => ({ healthy: true })) };
  }
}

describe('LocalDataPlane (wiring API and raw control protocol)', () => {
  let dataDir: string;
  let fleet: InstantFleet;
  let plane: LocalDataPlane;
  let server: ControlServer;

  async function boot() {
    plane = new LocalDataPlane({
      dataDir,
      region: 'eu-west-1',
      fleet,
      pollIntervalMs: 10,
      environments: ['DEV', 'SIT'],
    });
    await plane.start();
    server = await startControlServer(plane);
  }
  async function halt() {
    await server.close();
    await plane.stop();
  }
  const ecs = (action: string, body: unknown) =>
    fetch(server.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': `AmazonEC2ContainerServiceV20141113.${action}`,
        'content-type': 'application/x-amz-json-1.1',
      },
      body: JSON.stringify(body),
    });
  const elbv2 = (params: Record<string, string>) =>
    fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
  const register = (
    slug: string,
    overrides: { priority?: number; desiredCount?: number; hosts?: string[] } = {},
  ) =>
    plane.registerInstance({
      environment: 'DEV',
      slug,
      hosts: overrides.hosts ?? [`${slug}.dev.localhost`],
      priority: overrides.priority ?? 10,
      desiredCount: overrides.desiredCount ?? 1,
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-data-plane-'));
    fleet = new InstantFleet();
    await boot();
  });
  afterEach(async () => {
    await halt();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('registers an instance once: a second registration returns the same ARNs, adds hosts and applies the desired count', async () => {
    const first = await register('acme');
    expect(first).toEqual({
      serviceArn: 'arn:aws:ecs:eu-west-1:000000000000:service/dev-cluster/dev-acme-service',
      targetGroupArn: expect.stringMatching(
        /^arn:aws:elasticloadbalancing:eu-west-1:000000000000:targetgroup\/dev-acme-tg\/[0-9a-f]{16}$/,
      ),
      ruleArn: expect.stringMatching(
        /^arn:aws:elasticloadbalancing:eu-west-1:000000000000:listener-rule\/app\/dev-alb\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
      ),
      listenerArn: plane.listenerArn('DEV'),
    });

    const second = await register('acme', { desiredCount: 3, hosts: ['www.acme.dev.localhost'] });

    expect(second).toEqual(first);
    expect(Object.keys(plane.current.services)).toHaveLength(1);
    expect(plane.route('www.acme.dev.localhost')).toEqual({
      kind: 'forward',
      environment: 'DEV',
      slug: 'acme',
    });
    expect(plane.route('acme.dev.localhost')).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });
    await plane.convergence.idle();
    expect(fleet.calls.at(-1)).toEqual({ instance: { environment: 'DEV', slug: 'acme' }, count: 3 });
  });

  it('rejects a priority another rule of the listener uses, and bad input, changing nothing', async () => {
    await register('acme', { priority: 7 });
    await expect(register('beta', { priority: 7 })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      status: 400,
    });
    await expect(register('Bad_Slug')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(register('gamma', { hosts: ['not a host'] })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    expect(Object.values(plane.current.services).map((service) => service.slug)).toEqual(['acme']);
    expect(plane.route('beta.dev.localhost')).toBeUndefined();
  });

  it('adds and removes hosts on the instance rule', async () => {
    await register('acme');
    expect(await plane.addHosts({ environment: 'DEV', slug: 'acme' }, ['shop.dev.localhost'])).toEqual([
      'acme.dev.localhost',
      'shop.dev.localhost',
    ]);
    expect(plane.route('shop.dev.localhost')).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });
    await plane.removeHosts({ environment: 'DEV', slug: 'acme' }, ['SHOP.dev.localhost']);
    expect(plane.route('shop.dev.localhost')).toBeUndefined();
    await expect(
      plane.addHosts({ environment: 'DEV', slug: 'nobody' }, ['x.dev.localhost']),
    ).rejects.toMatchObject({
      code: 'INSTANCE_NOT_FOUND',
    });
  });

  it('deregisters an instance: workers scaled to 0, service MISSING, host unrouted; again is a no-op', async () => {
    await register('acme', { desiredCount: 2 });
    await plane.deregisterInstance({ environment: 'DEV', slug: 'acme' });
    await plane.deregisterInstance({ environment: 'DEV', slug: 'acme' });

    expect(fleet.calls.at(-1)).toEqual({ instance: { environment: 'DEV', slug: 'acme' }, count: 0 });
    expect(plane.route('acme.dev.localhost')).toBeUndefined();
    const answer = await ecs('DescribeServices', { cluster: 'dev-cluster', services: ['dev-acme-service'] });
    expect(await answer.json()).toEqual({
      services: [],
      failures: [
        { arn: 'arn:aws:ecs:eu-west-1:000000000000:service/dev-cluster/dev-acme-service', reason: 'MISSING' },
      ],
    });
  });

  it('answers ECS errors as JSON 1.1 ({ __type, message }, 400, x-amzn-errortype) and changes nothing', async () => {
    await register('acme', { desiredCount: 1 });
    const cases: [string, unknown, string][] = [
      [
        'UpdateService',
        { cluster: 'dev-cluster', service: 'dev-acme-service', desiredCount: -2 },
        'InvalidParameterException',
      ],
      [
        'UpdateService',
        { cluster: 'dev-cluster', service: 'dev-acme-service', desiredCount: 'many' },
        'InvalidParameterException',
      ],
      [
        'UpdateService',
        { cluster: 'dev-cluster', service: 'dev-ghost-service', desiredCount: 1 },
        'ServiceNotFoundException',
      ],
      [
        'UpdateService',
        { cluster: 'prod-cluster', service: 'dev-acme-service', desiredCount: 1 },
        'ClusterNotFoundException',
      ],
      ['DescribeServices', { cluster: 'dev-cluster', services: [] }, 'InvalidParameterException'],
      ['DescribeServices', { services: ['dev-acme-service'] }, 'ClusterNotFoundException'],
      ['DeleteService', { cluster: 'dev-cluster', service: 'dev-acme-service' }, 'UnknownOperationException'],
    ];
    for (const [action, body, type] of cases) {
      const answer = await ecs(action, body);
      expect({ action, status: answer.status, header: answer.headers.get('x-amzn-errortype') }).toEqual({
        action,
        status: 400,
        header: type,
      });
      expect(await answer.json()).toEqual({ __type: type, message: expect.any(String) });
    }
    expect(plane.current.services[Object.keys(plane.current.services)[0]].desiredCount).toBe(1);
  });

  it('answers ELBv2 errors as query-protocol XML and lists the default rule last', async () => {
    const { listenerArn, ruleArn } = await register('acme');
    const wrongVersion = await elbv2({
      Action: 'DescribeRules',
      Version: '2012-06-01',
      ListenerArn: listenerArn,
    });
    expect(wrongVersion.status).toBe(400);
    expect(await wrongVersion.text()).toContain('<Error><Type>Sender</Type><Code>InvalidAction</Code>');

    const badStatus = await elbv2({
      Action: 'ModifyRule',
      Version: '2015-12-01',
      RuleArn: ruleArn,
      'Actions.member.1.Type': 'fixed-response',
      'Actions.member.1.FixedResponseConfig.StatusCode': '302',
    });
    expect(badStatus.status).toBe(400);
    expect(await badStatus.text()).toContain('<Code>ValidationError</Code>');
    expect(plane.route('acme.dev.localhost')).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });

    const rules = await (
      await elbv2({ Action: 'DescribeRules', Version: '2015-12-01', ListenerArn: listenerArn })
    ).text();
    expect(rules.indexOf(ruleArn)).toBeLessThan(rules.indexOf('<Priority>default</Priority>'));
    expect(rules).toContain('<IsDefault>true</IsDefault>');
  });

  it('asks the fleet for counts in order: a slow scale-up never lands after a later scale-down', async () => {
    await register('acme', { desiredCount: 1 });
    await plane.convergence.idle();
    const scale = fleet.scale.bind(fleet);
    fleet.scale = async (instance, count) => {
      if (count === 3) await new Promise((resolve) => setTimeout(resolve, 200));
      await scale(instance, count);
    };

    for (const desiredCount of [3, 1]) {
      const answer = await ecs('UpdateService', {
        cluster: 'dev-cluster',
        service: 'dev-acme-service',
        desiredCount,
      });
      expect(answer.status).toBe(200);
    }
    await plane.convergence.idle();

    expect(fleet.calls.slice(-2).map((call) => call.count)).toEqual([3, 1]);
    expect(await fleet.health({ environment: 'DEV', slug: 'acme' })).toMatchObject({ running: 1 });
    const described = (await (
      await ecs('DescribeServices', { cluster: 'dev-cluster', services: ['dev-acme-service'] })
    ).json()) as {
      services: { desiredCount: number; runningCount: number; events: { message: string }[] }[];
    };
    expect(described.services[0]).toMatchObject({ desiredCount: 1, runningCount: 1 });
    expect(described.services[0].events[0].message).toBe(
      '(service dev-acme-service) has reached a steady state.',
    );
  });

  it('pages DescribeRules by PageSize and Marker, in priority order', async () => {
    const c = await register('c', { priority: 30 });
    const a = await register('a', { priority: 10 });
    const b = await register('b', { priority: 5 });
    const arns = [b.ruleArn, a.ruleArn, c.ruleArn];
    const listenerArn = plane.listenerArn('DEV');
    const page = async (marker?: string) =>
      (
        await elbv2({
          Action: 'DescribeRules',
          Version: '2015-12-01',
          ListenerArn: listenerArn,
          PageSize: '2',
          ...(marker ? { Marker: marker } : {}),
        })
      ).text();

    const first = await page();
    const marker = /<NextMarker>(.+)<\/NextMarker>/.exec(first)?.[1];
    const second = await page(marker);

    expect(first.indexOf(arns[0])).toBeLessThan(first.indexOf(arns[1]));
    expect(first).not.toContain(arns[2]);
    expect(second).toContain(arns[2]);
    expect(second).toContain('<IsDefault>true</IsDefault>');
    expect(second).not.toContain('<NextMarker>');
  });

  it('keeps services, rules, tags and maintenance across a restart, and restarts the workers', async () => {
    const { ruleArn } = await register('acme', { desiredCount: 2 });
    await elbv2({
      Action: 'ModifyRule',
      Version: '2015-12-01',
      RuleArn: ruleArn,
      'Actions.member.1.Type': 'fixed-response',
      'Actions.member.1.FixedResponseConfig.StatusCode': '503',
      'Actions.member.1.FixedResponseConfig.ContentType': 'text/html',
      'Actions.member.1.FixedResponseConfig.MessageBody': '<h1>Suspended</h1>',
    });
    await elbv2({
      Action: 'AddTags',
      Version: '2015-12-01',
      'ResourceArns.member.1': ruleArn,
      'Tags.member.1.Key': 'k',
      'Tags.member.1.Value': 'v',
    });
    const listenerArn = plane.listenerArn('DEV');
    await halt();
    fleet = new InstantFleet();

    await boot();

    expect(plane.listenerArn('DEV')).toBe(listenerArn);
    expect(plane.route('acme.dev.localhost')).toEqual({
      kind: 'fixed',
      statusCode: 503,
      contentType: 'text/html',
      body: '<h1>Suspended</h1>',
    });
    const tags = await (
      await elbv2({ Action: 'DescribeTags', Version: '2015-12-01', 'ResourceArns.member.1': ruleArn })
    ).text();
    expect(tags).toContain('<Tags><member><Key>k</Key><Value>v</Value></member></Tags>');
    await plane.convergence.idle();
    expect(fleet.calls).toEqual([{ instance: { environment: 'DEV', slug: 'acme' }, count: 2 }]);
    const described = (await (
      await ecs('DescribeServices', { cluster: 'dev-cluster', services: ['dev-acme-service'] })
    ).json()) as {
      services: { desiredCount: number; runningCount: number }[];
    };
    expect(described.services[0]).toMatchObject({ desiredCount: 2, runningCount: 2 });
  });
});
