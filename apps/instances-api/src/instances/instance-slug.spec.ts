import { MAX_SLUG_LENGTH, baseSlug, randomRulePriority, slugCandidate } from './instance-slug';

describe('instance slugs', () => {
  it('derives a lower-case alphanumeric slug of at most 24 characters from the organization name', () => {
    expect(baseSlug('Acme Corp.')).toBe('acmecorp');
    expect(baseSlug('Café Müller & Söhne GmbH')).toBe('cafemullersohnegmbh');
    expect(baseSlug('The Very Long Organization Name Holdings')).toBe('theverylongorganizationn');
    expect(baseSlug('!!! ---')).toBe('tenant');
  });

  it('suffixes later attempts, still within 24 characters, and never repeats the base', () => {
    const base = 'theverylongorganizationn';
    expect(slugCandidate(base, 0)).toBe(base);
    expect(slugCandidate(base, 1)).toBe('theverylongorganization2');
    expect(slugCandidate('acme', 2)).toBe('acme3');
    const random = slugCandidate(base, 7);
    expect(random).toMatch(/^[a-z0-9]+$/);
    expect(random.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(random).not.toBe(base);
  });

  it("picks listener-rule priorities in the range the platform allocates (1-45000 of the ALB's 1-50000)", () => {
    for (let i = 0; i < 200; i += 1) {
      const priority = randomRulePriority();
      expect(priority).toBeGreaterThanOrEqual(1);
      expect(priority).toBeLessThanOrEqual(45_000);
    }
  });
});
