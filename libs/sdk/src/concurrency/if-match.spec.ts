import { ifMatch } from '../index';

describe('ifMatch', () => {
  it('takes the ETag of the answer that carried the resource', () => {
    const response = new Response('{}', { headers: { etag: '"4"' } });
    expect(ifMatch({ response })).toEqual({ 'If-Match': '"4"' });
    expect(ifMatch(response)).toEqual({ 'If-Match': '"4"' });
  });

  it('quotes the version of a fetched resource', () => {
    expect(ifMatch({ version: 12 })).toEqual({ 'If-Match': '"12"' });
  });

  it('refuses an answer without ETag rather than sending a write unguarded', () => {
    expect(() => ifMatch(new Response('{}'))).toThrow(TypeError);
  });
});
