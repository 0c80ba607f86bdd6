import { randomBytes } from 'node:crypto';
import type { ListenerRuleRef } from '../src';
import { ComputeTestPlane } from '@bbws/testing-compute';

const slug = () => `r${randomBytes(5).toString('hex')}`;
let nextPriority = 1000 + Math.floor(Math.random() * 10_000);

describe('AwsComputeAdapter: listener rules (against the local data plane)', () => {
  const test = new ComputeTestPlane();
  beforeAll(() => test.start());
  afterAll(() => test.stop());

  async function registered(environment: 'DEV' | 'SIT' = 'DEV') {
    const name = slug();
    const host = `${name}.${environment.toLowerCase()}.localhost`;
    const registration = await test.plane.registerInstance({
      environment,
      slug: name,
      hosts: [host],
      priority: nextPriority++,
      desiredCount: 1,
    });
    const ref: ListenerRuleRef = { environment, ruleArn: registration.ruleArn };
    return { name, host, ref, registration };
  }

  it('finds the rule whose host condition names a host, and nothing for an unknown host', async () => {
    const { host, registration } = await registered();
    const before = test.requests.length;

    const rule = await test.adapter.findRuleByHost('DEV', registration.listenerArn, host.toUpperCase());

    expect(rule).toEqual({
      ruleArn: registration.ruleArn,
      priority: expect.stringMatching(/^\d+$/),
      hosts: [host],
      action: { type: 'forward', targetGroupArn: registration.targetGroupArn },
    });
    expect(test.requests.slice(before)).toEqual([
      {
        api: 'elbv2',
        action: 'DescribeRules',
        version: '2015-12-01',
        contentType: 'application/x-www-form-urlencoded',
        params: {
          Action: 'DescribeRules',
          Version: '2015-12-01',
          ListenerArn: registration.listenerArn,
          PageSize: '100',
        },
      },
    ]);
    expect(
      await test.adapter.findRuleByHost('DEV', registration.listenerArn, 'nobody.dev.localhost'),
    ).toBeUndefined();
  });

  it('enters maintenance (fixed 503) and leaves it, restoring the previous target group', async () => {
    const { name, host, ref, registration } = await registered();
    const before = test.requests.length;

    const entered = await test.adapter.enterMaintenance(ref, { title: 'Suspended', message: 'Back <soon>' });

    expect(entered).toEqual({ previousTargetGroupArn: registration.targetGroupArn });
    const modify = test.requests
      .slice(before)
      .find((request) => request.api === 'elbv2' && request.action === 'ModifyRule');
    expect(modify).toMatchObject({
      params: {
        Action: 'ModifyRule',
        Version: '2015-12-01',
        RuleArn: registration.ruleArn,
        'Actions.member.1.Type': 'fixed-response',
        'Actions.member.1.Order': '1',
        'Actions.member.1.FixedResponseConfig.StatusCode': '503',
        'Actions.member.1.FixedResponseConfig.ContentType': 'text/html',
        'Actions.member.1.FixedResponseConfig.MessageBody':
          expect.stringContaining('<p>Back &lt;soon&gt;</p>'),
      },
    });
    expect(test.plane.route(`${host}:3000`)).toEqual({
      kind: 'fixed',
      statusCode: 503,
      contentType: 'text/html',
      body: expect.stringContaining('<h1>Suspended</h1>'),
    });
    const described = await test.adapter.describeRule(ref);
    expect(described.action).toMatchObject({
      type: 'fixed-response',
      statusCode: 503,
      contentType: 'text/html',
    });
    expect(described.hosts).toEqual([host]);

    expect(await test.adapter.enterMaintenance(ref, { title: 'Suspended', message: 'Back <soon>' })).toEqual(
      entered,
    );

    await test.adapter.leaveMaintenance(ref, entered.previousTargetGroupArn);

    expect(await test.adapter.describeRule(ref)).toMatchObject({
      action: { type: 'forward', targetGroupArn: registration.targetGroupArn },
      hosts: [host],
    });
    expect(test.plane.route(host)).toEqual({ kind: 'forward', environment: 'DEV', slug: name });
  });

  it('remembers the target group of a rule in maintenance across a restart of the data plane', async () => {
    const { name, ref, registration } = await registered('SIT');
    await test.adapter.enterMaintenance(ref, { title: 'Parked', message: 'This site is parked.' });

    await test.restart();

    expect(test.plane.route(`${name}.sit.localhost`)).toMatchObject({ kind: 'fixed', statusCode: 503 });
    expect(
      await test.adapter.enterMaintenance(ref, { title: 'Parked', message: 'This site is parked.' }),
    ).toEqual({
      previousTargetGroupArn: registration.targetGroupArn,
    });
    await test.adapter.leaveMaintenance(ref, registration.targetGroupArn);
    expect(test.plane.route(`${name}.sit.localhost`)).toEqual({
      kind: 'forward',
      environment: 'SIT',
      slug: name,
    });
  });

  it('maps an unknown rule and an unknown listener to not-found errors', async () => {
    const { registration } = await registered();
    const ghost: ListenerRuleRef = {
      environment: 'DEV',
      ruleArn: `${registration.ruleArn.slice(0, -16)}0000000000000000`,
    };
    await expect(test.adapter.describeRule(ghost)).rejects.toMatchObject({
      code: 'LISTENER_RULE_NOT_FOUND',
      status: 404,
    });
    await expect(test.adapter.enterMaintenance(ghost, { title: 't', message: 'm' })).rejects.toMatchObject({
      code: 'LISTENER_RULE_NOT_FOUND',
    });
    await expect(
      test.adapter.findRuleByHost(
        'DEV',
        `${registration.listenerArn.slice(0, -16)}0000000000000000`,
        'a.dev.localhost',
      ),
    ).rejects.toMatchObject({ code: 'LISTENER_NOT_FOUND', status: 404 });
  });

  it('rejects restoring a target group the load balancer does not know, leaving the rule as it was', async () => {
    const { ref } = await registered();
    await test.adapter.enterMaintenance(ref, { title: 'Suspended', message: 'Later.' });
    await expect(
      test.adapter.leaveMaintenance(
        ref,
        'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/x/1',
      ),
    ).rejects.toMatchObject({
      code: 'TARGET_GROUP_NOT_FOUND',
      status: 404,
    });
    expect((await test.adapter.describeRule(ref)).action).toMatchObject({
      type: 'fixed-response',
      statusCode: 503,
    });
  });
});
