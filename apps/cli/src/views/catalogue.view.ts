import type { PluginsSchemas, SitesSchemas, TemplatesSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';

export type CataloguePlugin = PluginsSchemas['schemas']['PluginResponseDto'];
export type InstalledPlugin = SitesSchemas['schemas']['SitePluginResponseDto'];
export type Template = TemplatesSchemas['schemas']['TemplateResponseDto'];
export type TemplateCategory = TemplatesSchemas['schemas']['TemplateCategoryCountDto'];

export const PLUGIN_COLUMNS: Column<CataloguePlugin>[] = [
  { header: 'pluginId', value: (plugin) => plugin.pluginId },
  { header: 'name', value: (plugin) => plugin.name },
  { header: 'wpSlug', value: (plugin) => plugin.wpSlug },
  { header: 'category', value: (plugin) => plugin.category },
  { header: 'latestVersion', value: (plugin) => plugin.latestVersion },
  { header: 'blocklisted', value: (plugin) => (plugin.isBlocklisted ? 'yes' : '') },
];

export const PLUGIN_FIELDS: Column<CataloguePlugin>[] = [
  ...PLUGIN_COLUMNS,
  { header: 'description', value: (plugin) => plugin.description },
  { header: 'pricing', value: (plugin) => plugin.pricing },
  {
    header: 'versions',
    value: (plugin) =>
      plugin.versions
        .map((version) =>
          version.vulnerabilities.length ? `${version.version} (vulnerable)` : version.version,
        )
        .join(', '),
  },
  { header: 'conflictsWith', value: (plugin) => plugin.conflictsWith.join(', ') },
  { header: 'installCount', value: (plugin) => plugin.installCount },
];

export const INSTALLED_PLUGIN_COLUMNS: Column<InstalledPlugin>[] = [
  { header: 'pluginId', value: (plugin) => plugin.pluginId },
  { header: 'name', value: (plugin) => plugin.name },
  { header: 'installedVersion', value: (plugin) => plugin.installedVersion },
  { header: 'latestVersion', value: (plugin) => plugin.latestVersion },
  { header: 'active', value: (plugin) => (plugin.isActive ? 'yes' : 'no') },
  { header: 'update', value: (plugin) => (plugin.hasUpdate ? 'available' : '') },
];

export const INSTALLED_PLUGIN_FIELDS: Column<InstalledPlugin>[] = [
  ...INSTALLED_PLUGIN_COLUMNS,
  { header: 'pluginFile', value: (plugin) => plugin.pluginFile },
  { header: 'configuration', value: (plugin) => plugin.configuration },
];

export const TEMPLATE_COLUMNS: Column<Template>[] = [
  { header: 'templateId', value: (template) => template.templateId },
  { header: 'name', value: (template) => template.name },
  { header: 'category', value: (template) => template.category },
  { header: 'templateVersion', value: (template) => template.templateVersion },
  { header: 'theme', value: (template) => template.theme.slug },
];

export const TEMPLATE_FIELDS: Column<Template>[] = [
  ...TEMPLATE_COLUMNS,
  { header: 'description', value: (template) => template.description },
  { header: 'status', value: (template) => template.status },
  { header: 'plugins', value: (template) => template.plugins.join(', ') },
  { header: 'pages', value: (template) => template.pages.map((page) => page.title).join(', ') },
  { header: 'minWordPressVersion', value: (template) => template.minWordPressVersion },
  { header: 'demoUrl', value: (template) => template.demoUrl },
  { header: 'usageCount', value: (template) => template.usageCount },
];

export const CATEGORY_COLUMNS: Column<TemplateCategory>[] = [
  { header: 'category', value: (category) => category.category },
  { header: 'templates', value: (category) => category.count },
];
