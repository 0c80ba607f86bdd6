import { addressAt, urlRewrites } from './site-transfer';

describe('site transfer URLs', () => {
  const dev = { home: 'http://shop.dev.localhost', siteUrl: 'http://shop.dev.localhost' };

  it("puts the target's host in the source's URLs, keeping scheme, port and path", () => {
    expect(addressAt(dev, 'shop.sit.localhost')).toEqual({
      home: 'http://shop.sit.localhost',
      siteUrl: 'http://shop.sit.localhost',
    });
    expect(
      addressAt({ home: 'https://a.example:8443/', siteUrl: 'https://a.example:8443/wp' }, 'b.example'),
    ).toEqual({ home: 'https://b.example:8443', siteUrl: 'https://b.example:8443/wp' });
  });

  it('rewrites the full URLs and the bare //host, each once, and nothing that does not change', () => {
    expect(urlRewrites(dev, addressAt(dev, 'shop.sit.localhost'))).toEqual([
      { from: 'http://shop.dev.localhost', to: 'http://shop.sit.localhost' },
      { from: '//shop.dev.localhost', to: '//shop.sit.localhost' },
    ]);
    expect(urlRewrites(dev, dev)).toEqual([]);
  });
});
