import type { TemplateDao } from '@bbws/data-access-catalogue';
import type { Site } from '@bbws/data-access-sites';
import type { SiteRef, WordPressClient, WordPressConnection } from '@bbws/integrations-wordpress-client';
import { NotFoundError } from '@bbws/shared-errors';
import type { SitePackageUrls } from './site-package.urls';
import type { ResolvedPlugin, SitePlugins } from './site-plugins';
import { siteTemplateOf } from './site-template.builder';

export interface SiteTemplateApplierDeps {
  templates: Pick<TemplateDao, 'get'>;
  plugins: SitePlugins;
  urls: SitePackageUrls;
  wordpress: Pick<WordPressClient, 'applyTemplate'>;
}

/** A type, not an interface: it is a step's output (a record). */
export type AppliedTemplate = {
  templateId: string;
  plugins: string[];
  pages: string[];
  /** Whether this run created the template's pages on the site (false when they were there already). */
  firstApplication: boolean;
};

/** A catalogue template on a site: its pages, options, theme and plugins (checked like requested ones). */
export class SiteTemplateApplier {
  constructor(private readonly deps: SiteTemplateApplierDeps) {}

  /** Applied idempotently; its plugins are recorded on the site (installCount +1 once each). */
  async apply(
    site: Site,
    connection: WordPressConnection,
    ref: SiteRef,
    templateId: string,
  ): Promise<AppliedTemplate> {
    const template = await this.deps.templates.get(templateId);
    if (!template) throw new NotFoundError('TEMPLATE', templateId);
    const plugins: ResolvedPlugin[] = [];
    for (const pluginId of template.plugins) {
      plugins.push(await this.deps.plugins.resolve(site, pluginId, template.plugins));
    }
    const applied = await this.deps.wordpress.applyTemplate(
      connection,
      ref,
      await siteTemplateOf(template, plugins, this.deps.urls),
    );
    for (const plugin of plugins) await this.deps.plugins.record(site, plugin);
    return {
      templateId,
      plugins: plugins.map((plugin) => plugin.pluginId),
      pages: applied.pages.map((page) => page.slug),
      // A template's pages are created once per site: a creation run again (a redelivery that lost its
      // checkpoints) finds them and must not count the template's usage twice.
      firstApplication: applied.pages.length === 0 || applied.pages.some((page) => page.created),
    };
  }
}
