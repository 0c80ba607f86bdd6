import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startControlServer, type ControlServer } from './control.server';
import { LocalDataPlane, type RegisteredInstance } from './local-data-plane';
import type { WorkerFleet } from './worker-fleet.port';

/** Instances registered with no workers: these tests are about the listener's rules only. */
const IDLE_FLEET: WorkerFleet = {
  scale: async () => undefined,
  health: async () => ({ running: 0, workers: [] }),
};

describe('local ELBv2 endpoint: CreateRule / DeleteRule within the ALB quotas', () => {
  let dataDir: string;
  let plane: LocalDataPlane;
  let server: ControlServer;
  let acme: RegisteredInstance;

  const elbv2 = async (action: string, params: Record<string, string>) => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ Action: action, Version: '2015-12-01', ...params }).toString(),
    });
    return { status: response.status, body: await response.text() };
  };
  const hostValues = (hosts: string[]) =>
    Object.fromEntries(
      hosts.map((host, index) => [`Conditions.member.1.HostHeaderConfig.Values.member.${index + 1}`, host]),
    );
  const createRule = (priority: number | string, hosts: string[], listenerArn = acme.listenerArn) =>
    elbv2('CreateRule', {
      ListenerArn: listenerArn,
      Priority: String(priority),
      'Conditions.member.1.Field': 'host-header',
      ...hostValues(hosts),
      'Actions.member.1.Type': 'forward',
      'Actions.member.1.TargetGroupArn': acme.targetGroupArn,
      'Tags.member.1.Key': 'bbws:site-hosts',
      'Tags.member.1.Value': acme.targetGroupArn,
    });
  const ruleArnOf = (body: string) => /<RuleArn>([^<]+)<\/RuleArn>/.exec(body)?.[1] ?? '';
  const ruleCount = () => Object.keys(plane.current.rules).length;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-elbv2-rules-'));
    plane = new LocalDataPlane({
      dataDir,
      region: 'eu-west-1',
      fleet: IDLE_FLEET,
      environments: ['DEV', 'SIT'],
    });
    await plane.start();
    server = await startControlServer(plane);
    acme = await plane.registerInstance({
      environment: 'DEV',
      slug: 'acme',
      hosts: ['acme.dev.localhost'],
      priority: 10,
      desiredCount: 0,
    });
  });
  afterEach(async () => {
    await server.close();
    await plane.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a rule with up to 5 host values that the ALB then routes, tagged; DeleteRule unroutes them', async () => {
    const hosts = [
      'a.dev.localhost',
      'b.dev.localhost',
      'c.dev.localhost',
      'd.dev.localhost',
      'E.dev.localhost',
    ];
    const created = await createRule(20, hosts);

    expect(created.status).toBe(200);
    expect(created.body).toContain('<CreateRuleResponse');
    expect(created.body).toContain('<Priority>20</Priority>');
    const ruleArn = ruleArnOf(created.body);
    expect(ruleArn).toMatch(
      /^arn:aws:elasticloadbalancing:eu-west-1:000000000000:listener-rule\/app\/dev-alb\//,
    );
    for (const host of hosts)
      expect(plane.route(host)).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });
    expect(plane.route('acme.dev.localhost')).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });
    const tags = await elbv2('DescribeTags', { 'ResourceArns.member.1': ruleArn });
    expect(tags.body).toContain(`<Key>bbws:site-hosts</Key><Value>${acme.targetGroupArn}</Value>`);

    expect((await elbv2('DeleteRule', { RuleArn: ruleArn })).status).toBe(200);

    expect(plane.route('a.dev.localhost')).toBeUndefined();
    expect(plane.route('acme.dev.localhost')).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });
    expect(await elbv2('DeleteRule', { RuleArn: ruleArn })).toMatchObject({
      status: 400,
      body: expect.stringContaining('<Code>RuleNotFound</Code>'),
    });
  });

  it('refuses a sixth condition value on CreateRule and ModifyRule (ValidationError), changing nothing', async () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}.dev.localhost`);
    const before = ruleCount();

    const create = await createRule(20, six);
    const modify = await elbv2('ModifyRule', {
      RuleArn: acme.ruleArn,
      'Conditions.member.1.Field': 'host-header',
      ...hostValues(six),
    });

    for (const answer of [create, modify]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('<Type>Sender</Type><Code>ValidationError</Code>');
      expect(answer.body).toContain('A rule can only have &apos;5&apos; condition values');
    }
    expect(ruleCount()).toBe(before);
    expect(plane.current.rules[acme.ruleArn].hosts).toEqual(['acme.dev.localhost']);
    expect(plane.route('a.dev.localhost')).toBeUndefined();
  });

  it('refuses a priority in use on the listener (PriorityInUse) or outside 1-50000 (ValidationError)', async () => {
    const before = ruleCount();

    expect(await createRule(10, ['x.dev.localhost'])).toMatchObject({
      status: 400,
      body: expect.stringContaining(
        '<Code>PriorityInUse</Code><Message>Priority &apos;10&apos; is currently in use',
      ),
    });
    for (const priority of [0, 50_001, 'first'])
      expect(await createRule(priority, ['x.dev.localhost'])).toMatchObject({
        status: 400,
        body: expect.stringContaining('<Code>ValidationError</Code>'),
      });
    expect(ruleCount()).toBe(before);

    const sit = plane.listenerArn('SIT');
    expect((await createRule(10, ['x.sit.localhost'], sit)).status).toBe(200);
    expect((await createRule(50_000, ['y.dev.localhost'])).status).toBe(200);
  });

  it('holds 100 rules per load balancer besides the default (TooManyRules past it), counted per load balancer', async () => {
    for (let index = 1; index < 100; index++)
      expect((await createRule(100 + index, [`s${index}.dev.localhost`])).status).toBe(200);

    const refused = await createRule(500, ['one-too-many.dev.localhost']);

    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<Code>TooManyRules</Code>');
    expect(plane.route('one-too-many.dev.localhost')).toBeUndefined();
    expect((await createRule(500, ['other.sit.localhost'], plane.listenerArn('SIT'))).status).toBe(200);

    const listed = await elbv2('DescribeRules', { ListenerArn: acme.listenerArn, PageSize: '400' });
    const last = /<RuleArn>([^<]+)<\/RuleArn><Priority>199<\/Priority>/.exec(listed.body)?.[1] ?? '';
    expect((await elbv2('DeleteRule', { RuleArn: last })).status).toBe(200);
    expect((await createRule(500, ['one-too-many.dev.localhost'])).status).toBe(200);
  });

  it("refuses to delete the listener's default rule and an instance's own rule", async () => {
    const defaultRule = plane.current.listeners.DEV?.defaultRuleArn ?? '';

    for (const ruleArn of [defaultRule, acme.ruleArn])
      expect(await elbv2('DeleteRule', { RuleArn: ruleArn })).toMatchObject({
        status: 400,
        body: expect.stringContaining('<Code>OperationNotPermitted</Code>'),
      });
    expect(plane.route('acme.dev.localhost')).toEqual({ kind: 'forward', environment: 'DEV', slug: 'acme' });
  });
});
