import { ValidationError } from '@bbws/shared-errors';
import { assertWebhookTarget, isForbiddenAddress } from './webhook-target.guard';

describe('isForbiddenAddress', () => {
  it.each([
    '0.0.0.0',
    '10.20.30.40',
    '100.64.0.1',
    '100.100.100.200',
    '127.0.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    'fd00:ec2::254',
    'fe80::1',
    'ff02::1',
    '64:ff9b::a00:1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('isForbiddenAddress: IPv6 ranges that carry or translate to IPv4', () => {
  it.each([
    ['::/96 (IPv4-compatible)', '::7f00:1'],
    ['::/96 (IPv4-compatible)', '::808:808'],
    ['::/96 (IPv4-compatible)', '::10.0.0.1'],
    ['::ffff:0:0/96 (IPv4-mapped loopback)', '::ffff:7f00:1'],
    ['::ffff:0:0/96 (IPv4-mapped, long form)', '0:0:0:0:0:ffff:a9fe:a9fe'],
    ['::ffff:0:0/96 (IPv4-mapped private)', '::ffff:10.1.2.3'],
    ['::ffff:0:0/96 (IPv4-mapped CGNAT)', '::FFFF:6440:1'],
    ['::ffff:0:0/96 (IPv4-mapped unspecified)', '::ffff:0.0.0.0'],
    ['64:ff9b::/96 (NAT64)', '64:ff9b::808:808'],
    ['64:ff9b:1::/48 (local-use NAT64)', '64:ff9b:1::a00:1'],
    ['64:ff9b:1::/48 (local-use NAT64)', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff'],
    ['2002::/16 (6to4)', '2002:7f00:1::1'],
    ['2002::/16 (6to4)', '2002:808:808::1'],
    ['2001::/32 (Teredo)', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['2001::/32 (Teredo)', '2001::1'],
    ['2001::/23 (benchmarking)', '2001:2::1'],
    ['192.88.99.0/24 (6to4 relay), mapped', '::ffff:192.88.99.1'],
    ['fec0::/10 (site-local)', 'fec0::1'],
    ['3fff::/20 (documentation)', '3fff::1'],
  ])('refuses %s: %s', (_range, address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    ['a public IPv4, mapped', '::ffff:808:808'],
    ['a public IPv4, mapped (dotted)', '::ffff:93.184.216.34'],
    ['next to 64:ff9b:1::/48', '64:ff9b:2::1'],
    ['next to 2002::/16', '2003::1'],
    ['next to 2001::/32 (Google DNS)', '2001:4860:4860::8888'],
    ['a public IPv6', '2a00:1450:4001:80b::200e'],
  ])('allows %s: %s', (_what, address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('assertWebhookTarget', () => {
  const cloud = { allowLocalTargets: false };
  const local = { allowLocalTargets: true };
  const resolvesTo =
    (...addresses: string[]) =>
    async () =>
      addresses;

  it('accepts https to a host resolving only to public addresses', async () => {
    await expect(
      assertWebhookTarget('https://hooks.example.com/x', cloud, resolvesTo('93.184.216.34', '2606:4700::1')),
    ).resolves.toBeUndefined();
  });

  it('refuses a host when any of its addresses is internal (DNS pointing inside)', async () => {
    const error = await assertWebhookTarget(
      'https://sneaky.example.com/x',
      cloud,
      resolvesTo('93.184.216.34', '10.0.0.5'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual({
      fields: [{ field: 'url', messages: [expect.stringContaining('private')] }],
    });
  });

  it('refuses a host that does not resolve', async () => {
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(assertWebhookTarget('https://nowhere.example.com/x', cloud, failing)).rejects.toThrow(
      'does not resolve',
    );
    await expect(assertWebhookTarget('https://empty.example.com/x', cloud, resolvesTo())).rejects.toThrow(
      'does not resolve',
    );
  });

  it('refuses http in cloud stages and allows http and loopback in the local stage', async () => {
    await expect(
      assertWebhookTarget('http://hooks.example.com/x', cloud, resolvesTo('93.184.216.34')),
    ).rejects.toThrow('https:');
    await expect(assertWebhookTarget('http://127.0.0.1:8080/x', local)).resolves.toBeUndefined();
    await expect(assertWebhookTarget('http://localhost:8080/x', local)).resolves.toBeUndefined();
  });

  it('refuses other schemes and credentials everywhere', async () => {
    await expect(assertWebhookTarget('ftp://hooks.example.com/x', local)).rejects.toThrow('must use');
    await expect(assertWebhookTarget('https://u:p@hooks.example.com/x', local)).rejects.toThrow(
      'credentials',
    );
    await expect(assertWebhookTarget('no url', local)).rejects.toThrow('not a valid URL');
  });
});
