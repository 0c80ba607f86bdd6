export {
  PLUGIN_CATEGORIES,
  PLUGIN_PRICINGS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  VULNERABILITY_SEVERITIES,
  type CataloguePlugin,
  type InstallCheck,
  type InstallCheckRequest,
  type InstallRefusal,
  type PackageArtifact,
  type PluginCategory,
  type PluginPricing,
  type PluginVersion,
  type PluginVulnerability,
  type Template,
  type TemplateCategory,
  type TemplateOptionValue,
  type TemplatePage,
  type TemplateScreenshot,
  type TemplateStatus,
  type VulnerabilitySeverity,
} from './catalogue.entity';
// Templates (added by the templates work):
export { templateKeys } from './template.keys';
export { TemplateDao, type TemplateListQuery } from './template.dao';
export { TemplateInUseError } from './template.errors';
// Plugins (added by the plugins work):
export { CataloguePluginDao } from './catalogue-plugin.dao';
export { PluginExistsError } from './catalogue-plugin.errors';
export { cataloguePluginKeys } from './catalogue-plugin.keys';
export { type PluginListFilter } from './catalogue-plugin.query';
export { MAX_PLUGIN_VERSIONS, type PluginReplacement } from './catalogue-plugin.writes';
export { PluginInstallability } from './plugin-installability';
export { evaluateInstallability } from './plugin-installability.evaluate';
