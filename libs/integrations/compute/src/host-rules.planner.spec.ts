import { ValidationError } from '@bbws/shared-errors';
import { planHostAddition, planHostRemoval, type HostRule } from './host-rules.planner';

const hosts = (...names: string[]) => names.map((name) => `${name}.dev.localhost`);
const own = (...names: string[]): HostRule => ({ ruleArn: 'own', priority: 1234, hosts: hosts(...names) });
const site = (ruleArn: string, priority: number, ...names: string[]): HostRule => ({
  ruleArn,
  priority,
  hosts: hosts(...names),
});

describe('planHostAddition', () => {
  it("adds the host to the instance's own rule while it has room", () => {
    expect(planHostAddition([own('acme')], 'Blog.dev.localhost')).toEqual({
      type: 'modify',
      ruleArn: 'own',
      hosts: hosts('acme', 'blog'),
    });
  });

  it('fills a rule up to its fifth value', () => {
    expect(planHostAddition([own('acme', 'a', 'b', 'c')], 'd.dev.localhost')).toEqual({
      type: 'modify',
      ruleArn: 'own',
      hosts: hosts('acme', 'a', 'b', 'c', 'd'),
    });
  });

  it('asks for a new rule when every rule holds 5 values', () => {
    const rules = [own('acme', 'a', 'b', 'c', 'd'), site('s1', 40_000, 'e', 'f', 'g', 'h', 'i')];
    expect(planHostAddition(rules, 'j.dev.localhost')).toEqual({ type: 'create', hosts: hosts('j') });
  });

  it('adds to the first site rule with room once the own rule is full', () => {
    const rules = [
      own('acme', 'a', 'b', 'c', 'd'),
      site('s1', 40_000, 'e', 'f', 'g', 'h', 'i'),
      site('s2', 7, 'j'),
    ];
    expect(planHostAddition(rules, 'k.dev.localhost')).toEqual({
      type: 'modify',
      ruleArn: 's2',
      hosts: hosts('j', 'k'),
    });
  });

  it('changes nothing for a host a rule already routes (any case, trailing dot)', () => {
    const rules = [own('acme', 'a', 'b', 'c', 'd'), site('s1', 7, 'e')];
    expect(planHostAddition(rules, 'E.dev.localhost.')).toEqual({ type: 'none' });
    expect(planHostAddition(rules, 'acme.dev.localhost')).toEqual({ type: 'none' });
  });

  it("refuses an empty host, and rules without the instance's own", () => {
    expect(() => planHostAddition([own('acme')], '  ')).toThrow(ValidationError);
    expect(() => planHostAddition([], 'a.dev.localhost')).toThrow(ValidationError);
  });
});

describe('planHostRemoval', () => {
  it('takes the host out of the rule that names it', () => {
    const rules = [own('acme', 'a', 'b', 'c', 'd'), site('s1', 7, 'e', 'f')];
    expect(planHostRemoval(rules, 'F.dev.localhost')).toEqual({
      type: 'modify',
      ruleArn: 's1',
      hosts: hosts('e'),
    });
    expect(planHostRemoval(rules, 'b.dev.localhost')).toEqual({
      type: 'modify',
      ruleArn: 'own',
      hosts: hosts('acme', 'a', 'c', 'd'),
    });
  });

  it('deletes a site rule its last host leaves empty', () => {
    const rules = [own('acme', 'a', 'b', 'c', 'd'), site('s1', 7, 'e')];
    expect(planHostRemoval(rules, 'e.dev.localhost')).toEqual({ type: 'delete', ruleArn: 's1' });
  });

  it("never empties the instance's own rule", () => {
    expect(() => planHostRemoval([own('acme'), site('s1', 7, 'e')], 'acme.dev.localhost')).toThrow(
      /last host of the instance's own listener rule/,
    );
  });

  it('changes nothing for a host no rule routes', () => {
    expect(planHostRemoval([own('acme', 'a')], 'z.dev.localhost')).toEqual({ type: 'none' });
  });
});
