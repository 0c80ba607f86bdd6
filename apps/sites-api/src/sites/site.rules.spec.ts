import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { CreateSiteRequestDto } from './dto/create-site.request.dto';
import { RESERVED_SUBDOMAINS, SUBDOMAIN_PATTERN, siteQuota, siteUrlFor } from './site.rules';

function subdomainErrors(subdomain: unknown): string[] {
  const dto = plainToInstance(CreateSiteRequestDto, { siteName: 'A', subdomain });
  return validateSync(dto)
    .filter((error) => error.property === 'subdomain')
    .flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('subdomain rules', () => {
  it.each(['abc', 'a-b', 'shop1', '123', 'my-shop-2', 'a'.repeat(63)])('accepts %s', (subdomain) => {
    expect(SUBDOMAIN_PATTERN.test(subdomain)).toBe(true);
    expect(subdomainErrors(subdomain)).toEqual([]);
  });

  it.each(['ab', '-abc', 'abc-', 'a_b', 'a.b', 'ab c', 'a'.repeat(64), 'shöp'])('rejects %s', (subdomain) => {
    expect(subdomainErrors(subdomain)).toContain(
      'subdomain must be 3-63 lower-case letters, digits or inner hyphens',
    );
  });

  it('lower-cases and trims before checking', () => {
    const dto = plainToInstance(CreateSiteRequestDto, { siteName: 'A', subdomain: ' My-Shop ' });
    expect(validateSync(dto)).toEqual([]);
    expect(dto.subdomain).toBe('my-shop');
  });

  it.each([
    'www',
    'api',
    'admin',
    'mail',
    'ftp',
    'localhost',
    'cdn',
    'status',
    'billing',
    'root',
    'test',
    'WWW',
  ])('rejects the reserved word %s', (subdomain) => {
    expect(subdomainErrors(subdomain)).toEqual(['subdomain is reserved']);
  });

  it('keeps every reserved word a valid label (so the reservation is what refuses it)', () => {
    for (const word of RESERVED_SUBDOMAINS)
      expect([word, SUBDOMAIN_PATTERN.test(word)]).toEqual([word, true]);
  });
});

describe('siteQuota', () => {
  it('maps the instance tier to API.md’s sites per environment', () => {
    expect(siteQuota('STANDARD')).toBe(5);
    expect(siteQuota('PROFESSIONAL')).toBe(20);
    expect(siteQuota('ENTERPRISE')).toBe(100);
  });
});

describe('siteUrlFor', () => {
  it('writes the local site URL on the front door’s port', () => {
    const environments = loadHostingEnvironments({}, 'test');
    expect(siteUrlFor(environments.DEV, 'shop')).toBe('http://shop.dev.localhost:3000');
    expect(siteUrlFor(environments.PROD, 'shop')).toBe('http://shop.prod.localhost:3000');
  });

  it('writes https without a port in the cloud', () => {
    expect(siteUrlFor({ domainSuffix: 'wp.example.io', siteUrl: { scheme: 'https' } }, 'shop')).toBe(
      'https://shop.wp.example.io',
    );
  });
});
