import { UpstreamError } from '@bbws/shared-errors';
import { AGENT_NAMESPACE, type WordPressCall } from './wordpress-call';
import {
  CORE_INDEX_FIELDS,
  toInstalledPlugin,
  toSiteInfo,
  type CoreIndexResponse,
  type CorePluginResponse,
} from './core-response.mapper';
import {
  DEFAULT_RESILIENCE,
  InstanceResilience,
  type CircuitStateName,
  type ResilienceOptions,
} from './instance-resilience.policy';
import type { SiteRef, WordPressConnection } from './wordpress-connection';
import {
  instanceKey,
  WordPressRequestExecutor,
  type WordPressClientLogger,
} from './wordpress-request.executor';
import type {
  BackupTarget,
  BootstrapOptions,
  BootstrapResult,
  CloneRequest,
  CloneResult,
  CreatedSite,
  InstalledPlugin,
  NewSite,
  PluginActivation,
  PluginPackage,
  PluginUpdate,
  PluginVersion,
  RestoreResult,
  RestoreSource,
  SettingsResult,
  SiteArchive,
  SiteHealth,
  SiteInfo,
  SiteRecord,
  SiteSettings,
  SiteStatus,
  SiteTemplate,
  TemplateResult,
  ThemeActivation,
  ThemeSpec,
} from './wordpress-client.types';

export interface WordPressClientOptions {
  logger?: WordPressClientLogger;
  /** Default per-request timeout (30 s). */
  timeoutMs?: number;
  /** Package installs and updates (2 min). */
  packageTimeoutMs?: number;
  /** Export and import (15 min). */
  archiveTimeoutMs?: number;
  resilience?: ResilienceOptions;
  /** Clock used to sign agent requests (ms since the epoch). */
  now?: () => number;
}

type CallSpec = Omit<WordPressCall, 'timeoutMs' | 'host'> & { host?: string; timeoutMs?: number };

/**
 * The platform's WordPress client: one method per capability. Core REST (application password) where
 * core suffices, the platform agent (signed requests) otherwise. Every failure is an UpstreamError.
 */
export class WordPressClient {
  private readonly executor: WordPressRequestExecutor;
  private readonly resilience: InstanceResilience;
  private readonly timeoutMs: number;
  private readonly packageTimeoutMs: number;
  private readonly archiveTimeoutMs: number;

  constructor(private readonly options: WordPressClientOptions = {}) {
    this.resilience = new InstanceResilience(options.resilience ?? DEFAULT_RESILIENCE);
    this.executor = new WordPressRequestExecutor(this.resilience, options.now ?? Date.now, options.logger);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.packageTimeoutMs = options.packageTimeoutMs ?? 120_000;
    this.archiveTimeoutMs = options.archiveTimeoutMs ?? 900_000;
  }

  /** Creates (idempotently) the platform's network admin; the application password comes back once. */
  bootstrap(connection: WordPressConnection, options: BootstrapOptions = {}): Promise<BootstrapResult> {
    return this.send(connection, {
      operation: 'bootstrap',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/bootstrap`,
      body: options,
      idempotent: !options.rotate,
    });
  }

  async getSiteInfo(connection: WordPressConnection, site: SiteRef): Promise<SiteInfo> {
    const index = await this.send<CoreIndexResponse>(connection, {
      operation: 'getSiteInfo',
      api: 'core',
      method: 'GET',
      route: '/',
      host: site.host,
      query: { _fields: CORE_INDEX_FIELDS },
      idempotent: true,
    });
    return toSiteInfo(index);
  }

  async listInstalledPlugins(connection: WordPressConnection, site: SiteRef): Promise<InstalledPlugin[]> {
    const plugins = await this.send<CorePluginResponse[]>(connection, {
      operation: 'listInstalledPlugins',
      api: 'core',
      method: 'GET',
      route: '/wp/v2/plugins',
      host: site.host,
      idempotent: true,
    });
    return plugins.map(toInstalledPlugin);
  }

  installPlugin(connection: WordPressConnection, pluginPackage: PluginPackage): Promise<PluginVersion> {
    return this.send(connection, {
      operation: 'installPlugin',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/plugins/install`,
      body: pluginPackage,
      idempotent: false,
      timeoutMs: this.packageTimeoutMs,
    });
  }

  updatePlugin(
    connection: WordPressConnection,
    plugin: string,
    pluginPackage: PluginPackage,
  ): Promise<PluginUpdate> {
    return this.send(connection, {
      operation: 'updatePlugin',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/plugins/update`,
      body: { plugin, ...pluginPackage },
      idempotent: false,
      timeoutMs: this.packageTimeoutMs,
    });
  }

  /** Per-site activation through the agent, which refuses plugins declaring a conflict with an active one. */
  togglePlugin(
    connection: WordPressConnection,
    site: SiteRef,
    plugin: string,
    active: boolean,
  ): Promise<PluginActivation> {
    return this.send(connection, {
      operation: 'togglePlugin',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/plugins/${plugin}/${active ? 'activate' : 'deactivate'}`,
      idempotent: true,
    });
  }

  /** Deletes the plugin's files (core REST); refused while any site of the network still has it active. */
  async uninstallPlugin(connection: WordPressConnection, plugin: string): Promise<void> {
    await this.send<unknown>(connection, {
      operation: 'uninstallPlugin',
      api: 'core',
      method: 'DELETE',
      route: `/wp/v2/plugins/${plugin}`,
      idempotent: false,
    });
  }

  switchTheme(connection: WordPressConnection, site: SiteRef, theme: ThemeSpec): Promise<ThemeActivation> {
    return this.send(connection, {
      operation: 'switchTheme',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/theme`,
      body: theme,
      idempotent: true,
      timeoutMs: this.packageTimeoutMs,
    });
  }

  /** Plugins, theme, pages (by slug) and options; applying the same template again changes nothing more. */
  applyTemplate(
    connection: WordPressConnection,
    site: SiteRef,
    template: SiteTemplate,
  ): Promise<TemplateResult> {
    return this.send(connection, {
      operation: 'applyTemplate',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/template`,
      body: template,
      idempotent: true,
      timeoutMs: this.packageTimeoutMs,
    });
  }

  getSiteHealth(connection: WordPressConnection, site: SiteRef): Promise<SiteHealth> {
    return this.send(connection, {
      operation: 'getSiteHealth',
      api: 'agent',
      method: 'GET',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/health`,
      idempotent: true,
    });
  }

  /** Exports the site (tables, uploads, manifest) into one archive PUT to `target.uploadUrl`. */
  createBackup(connection: WordPressConnection, site: SiteRef, target: BackupTarget): Promise<SiteArchive> {
    return this.send(connection, {
      operation: 'createBackup',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/export`,
      body: target,
      idempotent: false,
      timeoutMs: this.archiveTimeoutMs,
    });
  }

  restoreBackup(
    connection: WordPressConnection,
    site: SiteRef,
    source: RestoreSource,
  ): Promise<RestoreResult> {
    return this.send(connection, {
      operation: 'restoreBackup',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/import`,
      body: { searchReplace: [], ...source },
      idempotent: false,
      timeoutMs: this.archiveTimeoutMs,
    });
  }

  /** Export the source, create the target site, import with the source URL rewritten to the target's. */
  async cloneSite(connection: WordPressConnection, request: CloneRequest): Promise<CloneResult> {
    const archive = await this.createBackup(connection, request.source, {
      uploadUrl: request.artifact.uploadUrl,
    });
    const site = await this.createSite(connection, request.target);
    const targetUrl = site.url.replace(/\/+$/, '');
    const searchReplace = [...new Set([archive.home, archive.siteUrl])]
      .map((from) => from.replace(/\/+$/, ''))
      .filter((from) => from !== targetUrl)
      .map((from) => ({ from, to: targetUrl }));
    try {
      const restore = await this.restoreBackup(connection, site, {
        downloadUrl: request.artifact.downloadUrl,
        sha256: archive.sha256,
        searchReplace,
      });
      return { site, archive, restore };
    } catch (error) {
      await this.deleteSite(connection, site).catch((cleanupError: unknown) => {
        this.options.logger?.warn(
          {
            operation: 'cloneSite',
            blogId: site.blogId,
            cause: cleanupError instanceof Error ? cleanupError.message : 'unknown',
          },
          'Could not delete the half-cloned site',
        );
      });
      throw error;
    }
  }

  async createSite(connection: WordPressConnection, site: NewSite): Promise<CreatedSite & SiteRef> {
    const created = await this.send<CreatedSite>(connection, {
      operation: 'createSite',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites`,
      body: site,
      idempotent: false,
    });
    return { ...created, host: created.domain };
  }

  async deleteSite(connection: WordPressConnection, site: SiteRef): Promise<void> {
    await this.send<unknown>(connection, {
      operation: 'deleteSite',
      api: 'agent',
      method: 'DELETE',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}`,
      idempotent: false,
    });
  }

  setSiteStatus(connection: WordPressConnection, site: SiteRef, status: SiteStatus): Promise<SiteRecord> {
    return this.send(connection, {
      operation: 'setSiteStatus',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/status`,
      body: { status },
      idempotent: true,
    });
  }

  updateSettings(
    connection: WordPressConnection,
    site: SiteRef,
    settings: SiteSettings,
  ): Promise<SettingsResult> {
    return this.send(connection, {
      operation: 'updateSettings',
      api: 'agent',
      method: 'POST',
      route: `${AGENT_NAMESPACE}/sites/${site.blogId}/settings`,
      body: settings,
      idempotent: true,
    });
  }

  /** The instance's circuit breaker, for health reporting. */
  circuitState(connection: WordPressConnection): CircuitStateName {
    return this.resilience.circuitState(instanceKey(connection));
  }

  private send<T>(connection: WordPressConnection, spec: CallSpec): Promise<T> {
    if (!connection.baseUrl || !connection.hostHeader) {
      return Promise.reject(
        new UpstreamError('The WordPress connection needs baseUrl and hostHeader', {
          code: 'WORDPRESS_CONNECTION_INVALID',
          retryable: false,
        }),
      );
    }
    return this.executor.send<T>(connection, {
      ...spec,
      host: spec.host ?? connection.hostHeader,
      timeoutMs: spec.timeoutMs ?? this.timeoutMs,
    });
  }
}
