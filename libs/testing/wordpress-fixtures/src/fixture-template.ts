import { FIXTURE_THEME } from './fixture-theme';
import { SETTINGS_PLUGIN } from './fixture-plugins';

export interface PackageLocation {
  packageUrl: string;
  sha256: string;
}

/** Template content in the shape of the client's SiteTemplate: theme, options, two pages, one plugin. */
export function buildTemplateContent(packages: { theme: PackageLocation; settingsPlugin: PackageLocation }) {
  return {
    theme: { stylesheet: FIXTURE_THEME, ...packages.theme },
    options: {
      blogdescription: 'Built from the fixture template',
      show_on_front: 'page',
      page_on_front: 'home',
      posts_per_page: 7,
    },
    pages: [
      {
        slug: 'home',
        title: 'Home',
        content: '<!-- wp:paragraph --><p>Welcome to the fixture site.</p><!-- /wp:paragraph -->',
      },
      {
        slug: 'about',
        title: 'About us',
        content: '<!-- wp:paragraph --><p>About the fixture site.</p><!-- /wp:paragraph -->',
      },
    ],
    plugins: [{ plugin: SETTINGS_PLUGIN, ...packages.settingsPlugin }],
  };
}
