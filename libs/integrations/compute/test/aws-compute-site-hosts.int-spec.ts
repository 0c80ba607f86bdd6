import { randomBytes } from 'node:crypto';
import { CreateRuleCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ComputeTestPlane } from '@bbws/testing-compute';
import { AwsComputeAdapter, ListenerRulesExhaustedError, type HostRulesTarget } from '../src';

const slug = () => `h${randomBytes(5).toString('hex')}`;
let priorities = 1000 + Math.floor(Math.random() * 20_000);
const nextPriority = () => priorities++;

describe('AwsComputeAdapter: site hosts on the listener rules (against the local data plane)', () => {
  const test = new ComputeTestPlane();
  beforeAll(() => test.start());
  afterAll(() => test.stop());

  async function instance(environment: 'DEV' | 'SIT' = 'DEV') {
    const name = slug();
    const domain = `${environment.toLowerCase()}.localhost`;
    const registration = await test.plane.registerInstance({
      environment,
      slug: name,
      hosts: [`${name}.${domain}`],
      priority: nextPriority(),
      desiredCount: 0,
    });
    const target: HostRulesTarget = {
      environment,
      listenerArn: registration.listenerArn,
      targetGroupArn: registration.targetGroupArn,
    };
    const siteHost = (index: number) => `s${index}-${name}.${domain}`;
    return { name, domain, registration, target, siteHost };
  }
  const hostsOf = (rules: { hosts: string[] }[]) => rules.map((rule) => rule.hosts.length);

  it("packs 12 site hosts into 3 rules (5 + 5 + 2, the instance's host counted first) and unpacks them to its own rule", async () => {
    const { name, domain, registration, target, siteHost } = await instance();
    const hosts = Array.from({ length: 12 }, (_, index) => siteHost(index + 1));

    const added = [];
    for (const host of hosts) added.push(await test.adapter.addSiteHost({ ...target, host }, nextPriority));

    expect(added.map((change) => change.action)).toEqual([
      ...Array(4).fill('modified'),
      'created',
      ...Array(4).fill('modified'),
      'created',
      'modified',
      'modified',
    ]);
    const rules = await test.adapter.listHostRules(target);
    expect(rules[0]).toEqual({
      ruleArn: registration.ruleArn,
      priority: expect.any(Number),
      hosts: [`${name}.${domain}`, ...hosts.slice(0, 4)],
    });
    expect(rules.slice(1).map((rule) => rule.hosts)).toEqual([hosts.slice(4, 9), hosts.slice(9)]);
    expect(rules[1].priority).toBeLessThan(rules[2].priority);
    expect(added[4]).toMatchObject({ ruleArn: rules[1].ruleArn, priority: rules[1].priority, writes: 1 });
    for (const host of hosts)
      expect(test.plane.route(host.toUpperCase())).toEqual({
        kind: 'forward',
        environment: 'DEV',
        slug: name,
      });
    const create = test.requests.find(
      (request) =>
        request.api === 'elbv2' &&
        request.action === 'CreateRule' &&
        request.params.Priority === String(rules[1].priority),
    );
    expect(create).toMatchObject({
      params: {
        ListenerArn: registration.listenerArn,
        Priority: String(rules[1].priority),
        'Conditions.member.1.Field': 'host-header',
        'Conditions.member.1.HostHeaderConfig.Values.member.1': hosts[4],
        'Actions.member.1.Type': 'forward',
        'Actions.member.1.TargetGroupArn': registration.targetGroupArn,
        'Tags.member.1.Key': 'bbws:site-hosts',
        'Tags.member.1.Value': registration.targetGroupArn,
      },
    });
    expect(await test.adapter.addSiteHost({ ...target, host: hosts[7].toUpperCase() }, nextPriority)).toEqual(
      {
        host: hosts[7],
        action: 'none',
        ruleArn: rules[1].ruleArn,
        priority: rules[1].priority,
        writes: 0,
      },
    );

    const removed = [];
    for (const host of hosts) removed.push(await test.adapter.removeSiteHost({ ...target, host }));

    expect(removed.filter((change) => change.action === 'deleted').map((change) => change.ruleArn)).toEqual([
      rules[1].ruleArn,
      rules[2].ruleArn,
    ]);
    expect(await test.adapter.listHostRules(target)).toEqual([
      { ruleArn: registration.ruleArn, priority: rules[0].priority, hosts: [`${name}.${domain}`] },
    ]);
    for (const host of hosts) expect(test.plane.route(host)).toBeUndefined();
    expect(test.plane.route(`${name}.${domain}`)).toEqual({
      kind: 'forward',
      environment: 'DEV',
      slug: name,
    });
    expect(await test.adapter.removeSiteHost({ ...target, host: hosts[0] })).toEqual({
      host: hosts[0],
      action: 'none',
      writes: 0,
    });
  });

  it('routes every host exactly once when two workers add different hosts to one instance at the same time', async () => {
    const { name, target, siteHost } = await instance();
    const other = new AwsComputeAdapter({
      DEV: {
        region: 'us-east-1',
        elbv2Endpoint: test.server.endpoint,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      },
    });
    const hosts = Array.from({ length: 10 }, (_, index) => siteHost(index + 1));
    try {
      await Promise.all(
        hosts.map((host, index) =>
          (index % 2 ? other : test.adapter).addSiteHost({ ...target, host }, nextPriority),
        ),
      );
    } finally {
      other.destroy();
    }

    const rules = await test.adapter.listHostRules(target);
    const routed = rules.flatMap((rule) => rule.hosts);
    expect([...routed].sort()).toEqual([`${name}.dev.localhost`, ...hosts].sort());
    expect(Math.max(...hostsOf(rules))).toBeLessThanOrEqual(5);
    for (const host of hosts)
      expect(test.plane.route(host)).toEqual({ kind: 'forward', environment: 'DEV', slug: name });
  });

  it("keeps packing into the instance's own rule while it is in maintenance (found by its tag)", async () => {
    const { name, registration, target, siteHost } = await instance();
    await test.adapter.enterMaintenance(
      { environment: 'DEV', ruleArn: registration.ruleArn },
      { title: 'Suspended', message: 'Later.' },
    );

    expect(await test.adapter.addSiteHost({ ...target, host: siteHost(1) }, nextPriority)).toMatchObject({
      action: 'modified',
      ruleArn: registration.ruleArn,
    });
    expect(await test.adapter.listHostRules(target)).toEqual([
      expect.objectContaining({
        ruleArn: registration.ruleArn,
        hosts: [`${name}.dev.localhost`, siteHost(1)],
      }),
    ]);
    expect(test.plane.route(siteHost(1))).toMatchObject({ kind: 'fixed', statusCode: 503 });
  });

  it("refuses to remove the last host of the instance's own rule, changing nothing", async () => {
    const { name, target } = await instance();
    await expect(
      test.adapter.removeSiteHost({ ...target, host: `${name}.dev.localhost` }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    expect(test.plane.route(`${name}.dev.localhost`)).toEqual({
      kind: 'forward',
      environment: 'DEV',
      slug: name,
    });
  });

  it('asks for another priority when one is in use, and answers 422 LISTENER_RULES_EXHAUSTED at 100 rules', async () => {
    const { target, siteHost, registration } = await instance('SIT');
    for (let index = 1; index <= 4; index++)
      await test.adapter.addSiteHost({ ...target, host: siteHost(index) }, nextPriority);
    const inUse = test.plane.current.rules[registration.ruleArn].priority ?? 0;
    const free = nextPriority();
    const asked: number[] = [];
    const created = await test.adapter.addSiteHost({ ...target, host: siteHost(5) }, () => {
      asked.push(asked.length ? free : inUse);
      return asked[asked.length - 1];
    });
    expect(created).toMatchObject({ action: 'created', priority: free });
    expect(asked).toHaveLength(2);

    const elbv2 = new ElasticLoadBalancingV2Client({
      region: 'us-east-1',
      endpoint: test.server.endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      const onLoadBalancer = Object.values(test.plane.current.rules).filter(
        (rule) => rule.listenerArn === target.listenerArn && rule.priority !== undefined,
      ).length;
      for (let index = onLoadBalancer; index < 100; index++)
        await elbv2.send(
          new CreateRuleCommand({
            ListenerArn: target.listenerArn,
            Priority: nextPriority(),
            Conditions: [
              { Field: 'host-header', HostHeaderConfig: { Values: [`filler${index}.sit.localhost`] } },
            ],
            Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
          }),
        );
    } finally {
      elbv2.destroy();
    }
    for (let index = 6; index <= 9; index++)
      await test.adapter.addSiteHost({ ...target, host: siteHost(index) }, nextPriority);

    const refused = test.adapter.addSiteHost({ ...target, host: siteHost(10) }, nextPriority);

    await expect(refused).rejects.toBeInstanceOf(ListenerRulesExhaustedError);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      code: 'LISTENER_RULES_EXHAUSTED',
      details: { listenerArn: target.listenerArn },
    });
    expect(test.plane.route(siteHost(10))).toBeUndefined();
    const before = test.requests.length;
    expect(hostsOf(await test.adapter.listHostRules(target))).toEqual([5, 5]);
    expect(
      test.requests
        .slice(before)
        .filter((request) => request.api === 'elbv2' && request.action === 'DescribeRules')
        .map((request) => (request.api === 'elbv2' ? request.params.Marker : undefined)),
    ).toEqual([undefined, '100']);
  });
});
