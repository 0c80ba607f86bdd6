import type { CataloguePluginDao, Template } from '@bbws/data-access-catalogue';
import { BusinessRuleError } from '@bbws/shared-errors';
import { assertValidContent } from '../template-content.rules';

/** A template's content rules (400 field errors) and its plugins in the catalogue (422 UNKNOWN_PLUGINS). */
export class TemplateContentCheck {
  constructor(private readonly plugins: Pick<CataloguePluginDao, 'getMany'>) {}

  async check(template: Template, options: { pluginsChanged: boolean }): Promise<void> {
    assertValidContent(template);
    if (!options.pluginsChanged || template.plugins.length === 0) return;
    const found = new Set((await this.plugins.getMany(template.plugins)).map((plugin) => plugin.pluginId));
    const unknown = template.plugins.filter((pluginId) => !found.has(pluginId));
    if (unknown.length)
      throw new BusinessRuleError('UNKNOWN_PLUGINS', `Not in the plugin catalogue: ${unknown.join(', ')}`, {
        pluginIds: unknown,
      });
  }
}
