import type { Command } from 'commander';
import { unwrap } from '@bbws/sdk';
import { collectList } from '../output/collect-list';
import { withListOptions, type ListFlags } from '../runtime/command-options';
import type { CliIo } from '../runtime/cli-io';
import { action } from '../runtime/run-action';
import { PLUGIN_COLUMNS, PLUGIN_FIELDS, type CataloguePlugin } from '../views/catalogue.view';
import { registerSitePluginCommands } from './plugins/site-plugin.commands';

interface PluginListFlags extends ListFlags {
  search?: string;
  category?: CataloguePlugin['category'];
}

export function registerPluginsCommands(program: Command, io: CliIo): void {
  const plugins = program
    .command('plugins')
    .description("the plugin catalogue, and a site's installed plugins");

  withListOptions(
    plugins
      .command('list')
      .description('catalogue plugins')
      .option('--search <text>', 'in names, slugs and descriptions')
      .option('--category <category>', 'SEO, SECURITY, PERFORMANCE, FORMS, ECOMMERCE or OTHER'),
  ).action(
    action(io, async ({ client, output }, flags: PluginListFlags) => {
      const rows = await collectList<CataloguePlugin>(flags, (startAt, pageSize) =>
        client.plugins.GET('/v1.0/plugins', {
          params: { query: { search: flags.search, category: flags.category, startAt, pageSize } },
        }),
      );
      output.list(rows, PLUGIN_COLUMNS);
    }),
  );

  plugins
    .command('get <pluginId>')
    .description('one catalogue plugin with its versions and known vulnerabilities')
    .action(
      action(io, async ({ client, output }, pluginId: string) => {
        const plugin = await unwrap(
          client.plugins.GET('/v1.0/plugins/{pluginId}', { params: { path: { pluginId } } }),
        );
        output.item(plugin, PLUGIN_FIELDS);
      }),
    );

  registerSitePluginCommands(plugins, io);
}
