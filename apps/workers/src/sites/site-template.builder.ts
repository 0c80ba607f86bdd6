import type { Template } from '@bbws/data-access-catalogue';
import type { SiteTemplate } from '@bbws/integrations-wordpress-client';
import type { ResolvedPlugin } from './site-plugins';
import type { SitePackageUrls } from './site-package.urls';

/** A catalogue template as the agent applies it: theme, options, published pages and its plugins' packages. */
export async function siteTemplateOf(
  template: Template,
  plugins: readonly ResolvedPlugin[],
  urls: SitePackageUrls,
): Promise<SiteTemplate> {
  const { slug, packageArtifact } = template.theme;
  const themePackage = packageArtifact ? await urls.of(packageArtifact) : null;
  return {
    theme: { stylesheet: slug, ...(themePackage ?? {}) },
    options: template.options,
    pages: template.pages.map((page) => ({
      slug: page.slug,
      title: page.title,
      content: page.content,
      status: 'publish' as const,
    })),
    plugins: plugins.map((plugin) => ({ plugin: plugin.pluginFile, ...plugin.package })),
  };
}
