import type { Template } from '@bbws/data-access-catalogue';
import { ValidationError } from '@bbws/shared-errors';
import { assertValidContent, contentChanged, versionIncreased } from './template-content.rules';

const home = { title: 'Home', slug: 'home', content: '<p>Hi</p>' };

function fieldsOf(run: () => void): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields = (error.details?.['fields'] ?? []) as Array<{ field: string; messages: string[] }>;
    return Object.fromEntries(fields.map(({ field, messages }) => [field, messages]));
  }
  return {};
}

const check = (options: Record<string, unknown>, pages = [home], minWordPressVersion = '6.1') =>
  fieldsOf(() => assertValidContent({ options, pages, minWordPressVersion }));

describe('template content rules', () => {
  it('accepts every allow-listed option with a value of its type', () => {
    expect(
      check({
        blogdescription: 'Just another site',
        show_on_front: 'page',
        page_on_front: 'home',
        posts_per_page: 10,
        timezone_string: 'Europe/Berlin',
        date_format: 'F j, Y',
        time_format: 'g:i a',
        start_of_week: 1,
        permalink_structure: '/%postname%/',
        default_comment_status: 'closed',
        blog_public: false,
      }),
    ).toEqual({});
  });

  it('refuses options outside the allow-list and values of the wrong type, one field error each', () => {
    const errors = check({
      siteurl: 'http://evil.example',
      posts_per_page: '10',
      start_of_week: 7,
      show_on_front: 'everything',
      timezone_string: 'Mars/Olympus',
      blog_public: 1,
      default_comment_status: 'maybe',
      permalink_structure: 'no-slash',
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'options.siteurl',
        'options.posts_per_page',
        'options.start_of_week',
        'options.show_on_front',
        'options.timezone_string',
        'options.blog_public',
        'options.default_comment_status',
        'options.permalink_structure',
      ].sort(),
    );
    expect(errors['options.siteurl'][0]).toMatch(/not an allowed option/);
  });

  it('requires page_on_front to name a page of the template, and to be set for a static front page', () => {
    expect(check({ page_on_front: 'about' })).toHaveProperty(['options.page_on_front']);
    expect(check({ show_on_front: 'page' })).toHaveProperty(['options.page_on_front']);
    expect(check({ show_on_front: 'page', page_on_front: 'home' })).toEqual({});
  });

  it('refuses repeated page slugs, oversized content and a malformed WordPress version', () => {
    expect(check({}, [home, { ...home, title: 'Again' }])).toHaveProperty('pages');
    expect(check({}, [{ ...home, content: 'x'.repeat(200 * 1024 + 1) }])).toHaveProperty('pages');
    expect(check({}, [home], 'six')).toHaveProperty('minWordPressVersion');
  });

  it('counts theme, plugins, options, pages and the WordPress version as content, not the name', () => {
    const before = {
      name: 'A',
      theme: { slug: 't', packageArtifact: null },
      plugins: [],
      options: {},
      pages: [home],
      minWordPressVersion: '6.1',
    } as unknown as Template;
    expect(contentChanged(before, { ...before, name: 'B' })).toBe(false);
    expect(contentChanged(before, { ...before, pages: [{ ...home, content: 'new' }] })).toBe(true);
    expect(contentChanged(before, { ...before, options: { blog_public: true } })).toBe(true);
  });

  it('orders template versions as semver', () => {
    expect(versionIncreased('1.2.0', '1.10.0')).toBe(true);
    expect(versionIncreased('1.2.0', '1.2.0')).toBe(false);
    expect(versionIncreased('1.2.0', '1.2.0-beta.1')).toBe(false);
  });
});
