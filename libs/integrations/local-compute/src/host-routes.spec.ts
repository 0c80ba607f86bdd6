import { emptyState, type DataPlaneState, type RuleState } from './data-plane.state';
import { hostPatternMatches, normalizeHost, routeHost } from './host-routes';

function stateWith(rules: Omit<RuleState, 'listenerArn' | 'tags'>[]): DataPlaneState {
  const state = emptyState();
  for (const slug of ['acme', 'beta', 'catchall'])
    state.targetGroups[`tg-${slug}`] = {
      environment: 'DEV',
      slug,
      name: `dev-${slug}-tg`,
      targetGroupArn: `tg-${slug}`,
      tags: {},
    };
  for (const rule of rules) state.rules[rule.ruleArn] = { ...rule, listenerArn: 'listener', tags: {} };
  return state;
}

describe('routeFor (ALB host routing)', () => {
  const state = stateWith([
    {
      ruleArn: 'wild',
      priority: 500,
      hosts: ['*.dev.localhost'],
      action: { type: 'forward', targetGroupArn: 'tg-catchall' },
    },
    {
      ruleArn: 'acme',
      priority: 10,
      hosts: ['acme.dev.localhost', '*.acme.dev.localhost'],
      action: { type: 'forward', targetGroupArn: 'tg-acme' },
    },
    {
      ruleArn: 'beta',
      priority: 20,
      hosts: ['beta.dev.localhost'],
      action: {
        type: 'fixed-response',
        statusCode: '503',
        contentType: 'text/html',
        messageBody: '<h1>Suspended</h1>',
      },
    },
    {
      ruleArn: 'default',
      hosts: [],
      action: {
        type: 'fixed-response',
        statusCode: '404',
        contentType: 'text/plain',
        messageBody: 'Not Found',
      },
    },
  ]);

  it('forwards an exact host to its instance, ignoring case and port', () => {
    expect(routeHost(state, 'ACME.dev.localhost:3000')).toEqual({
      kind: 'forward',
      environment: 'DEV',
      slug: 'acme',
    });
  });

  it('matches a *. wildcard, the lower priority number winning over a broader wildcard', () => {
    expect(routeHost(state, 'shop.acme.dev.localhost')).toEqual({
      kind: 'forward',
      environment: 'DEV',
      slug: 'acme',
    });
    expect(routeHost(state, 'other.dev.localhost')).toEqual({
      kind: 'forward',
      environment: 'DEV',
      slug: 'catchall',
    });
  });

  it("answers a rule's fixed response (maintenance) instead of forwarding", () => {
    expect(routeHost(state, 'beta.dev.localhost')).toEqual({
      kind: 'fixed',
      statusCode: 503,
      contentType: 'text/html',
      body: '<h1>Suspended</h1>',
    });
  });

  it("routes every value of a rule with several hosts, and the site rules sharing an instance's target group", () => {
    const packed = stateWith([
      {
        ruleArn: 'own',
        priority: 30,
        hosts: [
          'beta.dev.localhost',
          'b1.dev.localhost',
          'b2.dev.localhost',
          'b3.dev.localhost',
          'b4.dev.localhost',
        ],
        action: { type: 'forward', targetGroupArn: 'tg-beta' },
      },
      {
        ruleArn: 'sites',
        priority: 41_234,
        hosts: ['b5.dev.localhost', 'b6.dev.localhost'],
        action: { type: 'forward', targetGroupArn: 'tg-beta' },
      },
    ]);
    for (const host of ['beta', 'b1', 'b4', 'b5', 'B6'])
      expect(routeHost(packed, `${host}.dev.localhost`)).toEqual({
        kind: 'forward',
        environment: 'DEV',
        slug: 'beta',
      });
    expect(routeHost(packed, 'b7.dev.localhost')).toBeUndefined();
  });

  it('has no route for a host no rule names (the default rule is not a host route)', () => {
    expect(routeHost(state, 'acme.sit.localhost')).toBeUndefined();
    expect(routeHost(state, 'dev.localhost')).toBeUndefined();
  });

  it('reads ALB patterns: * any run of characters, ? exactly one, dots literal', () => {
    expect(hostPatternMatches('*.dev.localhost', 'a.b.dev.localhost')).toBe(true);
    expect(hostPatternMatches('site?.dev.localhost', 'site1.dev.localhost')).toBe(true);
    expect(hostPatternMatches('site?.dev.localhost', 'site12.dev.localhost')).toBe(false);
    expect(hostPatternMatches('a.dev.localhost', 'aXdev.localhost')).toBe(false);
    expect(normalizeHost('Acme.Dev.Localhost.:8080')).toBe('acme.dev.localhost');
  });
});
