import { escapeHtml, escapeMultiline, singleLine, wrapText } from './html.util';

describe('text helpers', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
    expect(escapeMultiline('a\n<b>')).toBe('a<br>\n&lt;b&gt;');
  });

  it('flattens header values to one line', () => {
    expect(singleLine(' a\r\nBcc: x@y.z \t b ')).toBe('a Bcc: x@y.z b');
  });

  it('wraps at word boundaries, leaving an over-long word on its own line', () => {
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText(`go ${'x'.repeat(10)} now`, 6)).toEqual(['go', 'x'.repeat(10), 'now']);
  });
});
