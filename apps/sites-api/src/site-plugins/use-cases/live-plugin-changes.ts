import type { InstalledPlugin, InstalledPluginDao } from '@bbws/data-access-sites';
import type { WordPressClient } from '@bbws/integrations-wordpress-client';
import { ConflictError, UpstreamError, VersionConflictError } from '@bbws/shared-errors';
import type { SiteAgents } from '../../site-health/site-agents';
import type { PluginRequest, SitePluginAccess } from '../site-plugin.access';
import { PLUGIN_ACTORS } from '../site-plugin.rules';

/**
 * PUT .../plugins/{p}/status and .../config (ADMIN, OPERATOR; PROD: ADMIN), synchronous: WordPress first
 * through the instance's agent, then the installed-plugin record (conditional on the version read). Not
 * while an operation runs on the site (409 OPERATION_IN_PROGRESS).
 */
export class LivePluginChanges {
  constructor(
    private readonly reads: SitePluginAccess,
    private readonly installed: Pick<InstalledPluginDao, 'update'>,
    private readonly agents: Pick<SiteAgents, 'of'>,
    private readonly wordpress: Pick<WordPressClient, 'togglePlugin' | 'setPluginConfig'>,
  ) {}

  /** The agent refusing an activation next to a conflicting active plugin is 409 PLUGIN_CONFLICT. */
  async setActive(request: PluginRequest, pluginId: string, isActive: boolean): Promise<InstalledPlugin> {
    const { site, record, agent } = await this.prepare(request, pluginId);
    await this.wordpress
      .togglePlugin(agent.connection, agent.ref, record.pluginFile, isActive)
      .catch((error: unknown) => {
        if (error instanceof UpstreamError && error.code === 'WORDPRESS_PLUGIN_CONFLICT')
          throw new ConflictError(
            'PLUGIN_CONFLICT',
            error.message.replace(/^WordPress togglePlugin failed: /, ''),
            {
              pluginId,
              siteId: site.siteId,
              ...(error.details?.wordpress ? { wordpress: error.details.wordpress } : {}),
            },
          );
        throw error;
      });
    return this.store(record, { isActive });
  }

  /** Stored in the site option `bbws_plugin_config_{folder}` (JSON), then on the record. */
  async configure(
    request: PluginRequest,
    pluginId: string,
    configuration: Record<string, unknown>,
  ): Promise<InstalledPlugin> {
    const { record, agent } = await this.prepare(request, pluginId);
    await this.wordpress.setPluginConfig(agent.connection, agent.ref, record.pluginFile, configuration);
    return this.store(record, { configuration });
  }

  private async prepare(request: PluginRequest, pluginId: string) {
    const { site } = await this.reads.forAction(request, PLUGIN_ACTORS);
    await this.reads.assertIdle(site.siteId);
    const record = await this.reads.installedPlugin(site.siteId, pluginId);
    return { site, record, agent: await this.agents.of(site) };
  }

  private async store(
    record: InstalledPlugin,
    changes: Pick<Partial<InstalledPlugin>, 'isActive' | 'configuration'>,
  ): Promise<InstalledPlugin> {
    try {
      return await this.installed.update(record, record.version, changes);
    } catch (error) {
      if (error instanceof VersionConflictError)
        throw new ConflictError('CONFLICT', 'The plugin changed meanwhile; read it again and retry', {
          pluginId: record.pluginId,
        });
      throw error;
    }
  }
}
