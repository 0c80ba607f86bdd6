import type { Command } from 'commander';
import { unwrap, type BbwsClient, type Operation } from '@bbws/sdk';
import {
  idempotencyHeader,
  repeatable,
  withIdempotencyKey,
  withWaitOptions,
  type IdempotencyFlags,
  type WaitCommandFlags,
} from '../../runtime/command-options';
import type { CliIo } from '../../runtime/cli-io';
import { EXIT } from '../../runtime/exit-codes';
import { action, CliError } from '../../runtime/run-action';
import {
  INSTALLED_PLUGIN_COLUMNS,
  INSTALLED_PLUGIN_FIELDS,
  type InstalledPlugin,
} from '../../views/catalogue.view';
import { reportOutcome, type FinalState } from '../operation-outcome';
import { configurePluginBody, installPluginBody, updatePluginBody } from './site-plugin-requests';

const SITE_PLUGINS = '/v1.0/tenants/{tenantId}/sites/{siteId}/plugins';
const SITE_PLUGIN = '/v1.0/tenants/{tenantId}/sites/{siteId}/plugins/{pluginId}';

async function installedPlugins(client: BbwsClient, tenantId: string, siteId: string) {
  const list = await unwrap(client.sites.GET(SITE_PLUGINS, { params: { path: { tenantId, siteId } } }));
  return list.items;
}

/** After an installation or update: the site's record of the plugin. */
function finalPlugin(
  client: BbwsClient,
  tenantId: string,
  siteId: string,
  pluginId: string,
): FinalState<InstalledPlugin> {
  return {
    read: async (_operation: Operation) => {
      const plugin = (await installedPlugins(client, tenantId, siteId)).find(
        (item) => item.pluginId === pluginId,
      );
      if (!plugin) throw new CliError(`plugin ${pluginId} is not installed on site ${siteId}`, EXIT.ERROR);
      return plugin;
    },
    fields: INSTALLED_PLUGIN_FIELDS,
  };
}

export function registerSitePluginCommands(plugins: Command, io: CliIo): void {
  plugins
    .command('installed <tenantId> <siteId>')
    .description("the site's plugins: versions, updates, active or not")
    .action(
      action(io, async ({ client, output }, tenantId: string, siteId: string) => {
        output.list(await installedPlugins(client, tenantId, siteId), INSTALLED_PLUGIN_COLUMNS);
      }),
    );

  withIdempotencyKey(
    withWaitOptions(
      plugins
        .command('install <tenantId> <siteId> <pluginId>')
        .description('install a catalogue plugin on the site and activate it (PLUGIN_INSTALLATION)')
        .option('--version <version>', "default: the instance's other sites' version, else the latest")
        .option('--no-activate', 'install it inactive'),
    ),
  ).action(
    action(
      io,
      async (
        context,
        tenantId: string,
        siteId: string,
        pluginId: string,
        flags: WaitCommandFlags & IdempotencyFlags & { version?: string; activate?: boolean },
      ) => {
        const accepted = await context.client.sites.POST(SITE_PLUGINS, {
          params: { path: { tenantId, siteId }, header: idempotencyHeader(flags) },
          body: installPluginBody(pluginId, flags),
        });
        await reportOutcome(
          context,
          accepted,
          flags,
          finalPlugin(context.client, tenantId, siteId, pluginId),
        );
      },
    ),
  );

  withWaitOptions(
    plugins
      .command('update <tenantId> <siteId> <pluginId>')
      .description('update the plugin, health-checked and rolled back if it breaks the site (PLUGIN_UPDATE)')
      .option('--version <version>', "default: the catalogue's latest"),
  ).action(
    action(
      io,
      async (
        context,
        tenantId: string,
        siteId: string,
        pluginId: string,
        flags: WaitCommandFlags & { version?: string },
      ) => {
        const accepted = await context.client.sites.PUT(`${SITE_PLUGIN}/update`, {
          params: { path: { tenantId, siteId, pluginId } },
          body: updatePluginBody(flags),
        });
        await reportOutcome(
          context,
          accepted,
          flags,
          finalPlugin(context.client, tenantId, siteId, pluginId),
        );
      },
    ),
  );

  withWaitOptions(
    plugins
      .command('uninstall <tenantId> <siteId> <pluginId>')
      .description('deactivate and remove the plugin from the site (PLUGIN_UNINSTALLATION)'),
  ).action(
    action(
      io,
      async (context, tenantId: string, siteId: string, pluginId: string, flags: WaitCommandFlags) => {
        const accepted = await context.client.sites.DELETE(SITE_PLUGIN, {
          params: { path: { tenantId, siteId, pluginId } },
        });
        await reportOutcome(context, accepted, flags);
      },
    ),
  );

  for (const [name, isActive] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    plugins
      .command(`${name} <tenantId> <siteId> <pluginId>`)
      .description(`${name} the plugin on the site, at once`)
      .action(
        action(io, async ({ client, output }, tenantId: string, siteId: string, pluginId: string) => {
          const plugin = await unwrap(
            client.sites.PUT(`${SITE_PLUGIN}/status`, {
              params: { path: { tenantId, siteId, pluginId } },
              body: { isActive },
            }),
          );
          output.item(plugin, INSTALLED_PLUGIN_FIELDS);
        }),
      );
  }

  plugins
    .command('configure <tenantId> <siteId> <pluginId>')
    .description("replace the plugin's configuration on the site (JSON values keep their type: n=3, on=true)")
    .option('--set <key=value>', 'a configuration key (repeatable)', repeatable)
    .action(
      action(
        io,
        async (
          { client, output },
          tenantId: string,
          siteId: string,
          pluginId: string,
          flags: { set?: string[] },
        ) => {
          const plugin = await unwrap(
            client.sites.PUT(`${SITE_PLUGIN}/config`, {
              params: { path: { tenantId, siteId, pluginId } },
              body: configurePluginBody(flags.set),
            }),
          );
          output.item(plugin, INSTALLED_PLUGIN_FIELDS);
        },
      ),
    );
}
