/** Keys of catalogue plugins in the sites table (DATA.md § `bbws-sites-{stage}`). */
export const cataloguePluginKeys = {
  partition: 'CATALOG#PLUGIN',
  plugin: (pluginId: string) => ({ PK: 'CATALOG#PLUGIN', SK: `PLUGIN#${pluginId}` }),
  /** GSI1: one category's plugins by name. */
  byCategory: (category: string) => `PLUGINS#${category}`,
  /** GSI2: a plugin by its wordpress.org slug. */
  bySlug: (wpSlug: string) => `WPSLUG#${wpSlug}`,
  bySlugSort: 'PLUGIN',
  /** GSI3: every plugin by name. */
  all: 'PLUGINS',
  /** GSI1/GSI3 sort key: name order, the id breaking ties. */
  nameSort: (normalizedName: string, pluginId: string) => `${normalizedName}#${pluginId}`,
  /** One plugin per wpSlug, taken in the create transaction. */
  slugGuard: (wpSlug: string) => ({ PK: `PLUGINSLUG#${wpSlug}`, SK: 'GUARD' }),
};
