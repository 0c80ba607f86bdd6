import { Readable } from 'node:stream';
import { readAtMost, screenshotImageOf } from './screenshot-image';

describe('screenshot images', () => {
  it('recognises PNG, JPEG and WebP by their signatures only', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect(screenshotImageOf(png)).toEqual({ contentType: 'image/png', extension: 'png' });
    expect(screenshotImageOf(jpeg)).toEqual({ contentType: 'image/jpeg', extension: 'jpg' });
    expect(screenshotImageOf(webp)).toEqual({ contentType: 'image/webp', extension: 'webp' });
    expect(screenshotImageOf(Buffer.from('GIF89a'))).toBeNull();
    expect(screenshotImageOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(screenshotImageOf(Buffer.alloc(0))).toBeNull();
  });

  it('reads a stream up to a limit and gives up past it', async () => {
    expect(await readAtMost(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 5)).toEqual(
      Buffer.from('abcde'),
    );
    expect(await readAtMost(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 5)).toBeNull();
  });
});
