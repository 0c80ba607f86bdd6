import { UpstreamError } from '@bbws/shared-errors';
import {
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
import type { TimeoutClass, WordPressCallSpec } from './wordpress-call';
import { wordpressCalls as calls } from './wordpress-call.factory';
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

/** A plugin's configuration on a site, as the agent stored it. */
export interface PluginConfiguration {
  blogId: number;
  plugin: string;
  /** The site option holding it: `bbws_plugin_config_{folder}`. */
  option: string;
  configuration: Record<string, unknown>;
}

export interface WordPressClientOptions {
  logger?: WordPressClientLogger;
  /** Default per-request timeout (30 s). */
  timeoutMs?: number;
  /** Package installs, theme and template application (2 min). */
  packageTimeoutMs?: number;
  /** Export and import (15 min). */
  archiveTimeoutMs?: number;
  resilience?: ResilienceOptions;
  /** Clock used to sign agent requests (ms since the epoch). */
  now?: () => number;
}

/**
 * The platform's WordPress client: one method per capability (calls in wordpress-call.factory.ts).
 * Every failure is an UpstreamError; idempotent calls are retried; each instance has a circuit breaker.
 */
export class WordPressClient {
  private readonly executor: WordPressRequestExecutor;
  private readonly resilience: InstanceResilience;
  private readonly timeouts: Record<TimeoutClass, number>;

  constructor(private readonly options: WordPressClientOptions = {}) {
    this.resilience = new InstanceResilience(options.resilience ?? DEFAULT_RESILIENCE);
    this.executor = new WordPressRequestExecutor(this.resilience, options.now ?? Date.now, options.logger);
    this.timeouts = {
      default: options.timeoutMs ?? 30_000,
      package: options.packageTimeoutMs ?? 120_000,
      archive: options.archiveTimeoutMs ?? 900_000,
    };
  }

  /** Creates (idempotently) the platform's network admin; the application password comes back once. */
  bootstrap(connection: WordPressConnection, options: BootstrapOptions = {}): Promise<BootstrapResult> {
    return this.send(connection, calls.bootstrap(options));
  }

  async getSiteInfo(connection: WordPressConnection, site: SiteRef): Promise<SiteInfo> {
    return toSiteInfo(await this.send<CoreIndexResponse>(connection, calls.getSiteInfo(site)));
  }

  /** Every installed plugin, with its status on this site. */
  async listInstalledPlugins(connection: WordPressConnection, site: SiteRef): Promise<InstalledPlugin[]> {
    const plugins = await this.send<CorePluginResponse[]>(connection, calls.listInstalledPlugins(site));
    return plugins.map(toInstalledPlugin);
  }

  /** Installs from the artifact store; the agent verifies the sha256 before the upgrader sees the file. */
  installPlugin(connection: WordPressConnection, pluginPackage: PluginPackage): Promise<PluginVersion> {
    return this.send(connection, calls.installPlugin(pluginPackage));
  }

  updatePlugin(
    connection: WordPressConnection,
    plugin: string,
    pluginPackage: PluginPackage,
  ): Promise<PluginUpdate> {
    return this.send(connection, calls.updatePlugin(plugin, pluginPackage));
  }

  /** Per-site activation through the agent, which refuses a plugin declaring a conflict with an active one. */
  togglePlugin(
    connection: WordPressConnection,
    site: SiteRef,
    plugin: string,
    active: boolean,
  ): Promise<PluginActivation> {
    return this.send(connection, calls.togglePlugin(site, plugin, active));
  }

  /**
   * Stores the plugin's configuration on the site: JSON text in the site option
   * `bbws_plugin_config_{folder}` (at most 16 KiB), which plugin updates leave alone.
   */
  setPluginConfig(
    connection: WordPressConnection,
    site: SiteRef,
    plugin: string,
    configuration: Record<string, unknown>,
  ): Promise<PluginConfiguration> {
    return this.send(connection, calls.setPluginConfig(site, plugin, configuration));
  }

  /**
   * Deletes the plugin's files through the agent (no application password needed); refused with
   * WORDPRESS_PLUGIN_IN_USE while any site of the network has it active, WORDPRESS_PLUGIN_NOT_FOUND when absent.
   */
  async deletePlugin(connection: WordPressConnection, plugin: string): Promise<void> {
    await this.send<unknown>(connection, calls.deletePlugin(plugin));
  }

  /** Deletes the plugin's files (core REST); refused while any site of the network has it active. */
  async uninstallPlugin(connection: WordPressConnection, plugin: string): Promise<void> {
    await this.send<unknown>(connection, calls.uninstallPlugin(plugin));
  }

  switchTheme(connection: WordPressConnection, site: SiteRef, theme: ThemeSpec): Promise<ThemeActivation> {
    return this.send(connection, calls.switchTheme(site, theme));
  }

  /** Plugins, theme, pages (by slug) and options; applying the same template again duplicates nothing. */
  applyTemplate(
    connection: WordPressConnection,
    site: SiteRef,
    template: SiteTemplate,
  ): Promise<TemplateResult> {
    return this.send(connection, calls.applyTemplate(site, template));
  }

  getSiteHealth(connection: WordPressConnection, site: SiteRef): Promise<SiteHealth> {
    return this.send(connection, calls.getSiteHealth(site));
  }

  /** Exports the site (tables, uploads, manifest) into one archive PUT to `target.uploadUrl`. */
  createBackup(connection: WordPressConnection, site: SiteRef, target: BackupTarget): Promise<SiteArchive> {
    return this.send(connection, calls.createBackup(site, target));
  }

  restoreBackup(
    connection: WordPressConnection,
    site: SiteRef,
    source: RestoreSource,
  ): Promise<RestoreResult> {
    return this.send(connection, calls.restoreBackup(site, source));
  }

  /** Export the source, create the target site, import with the source URLs rewritten to the target's. */
  async cloneSite(connection: WordPressConnection, request: CloneRequest): Promise<CloneResult> {
    const archive = await this.createBackup(connection, request.source, {
      uploadUrl: request.artifact.uploadUrl,
    });
    const site = await this.createSite(connection, request.target);
    const targetUrl = site.url.replace(/\/+$/, '');
    const searchReplace = [...new Set([archive.home, archive.siteUrl].map((url) => url.replace(/\/+$/, '')))]
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
        const cause = cleanupError instanceof Error ? cleanupError.message : 'unknown';
        this.options.logger?.warn(
          { operation: 'cloneSite', blogId: site.blogId, cause },
          'Could not delete the half-cloned site',
        );
      });
      throw error;
    }
  }

  async createSite(connection: WordPressConnection, site: NewSite): Promise<CreatedSite & SiteRef> {
    const created = await this.send<CreatedSite>(connection, calls.createSite(site));
    return { ...created, host: created.domain };
  }

  async deleteSite(connection: WordPressConnection, site: SiteRef): Promise<void> {
    await this.send<unknown>(connection, calls.deleteSite(site));
  }

  /** `archived` or `deactivated` suspend the site (its URL answers 410); `active` brings it back. */
  setSiteStatus(connection: WordPressConnection, site: SiteRef, status: SiteStatus): Promise<SiteRecord> {
    return this.send(connection, calls.setSiteStatus(site, status));
  }

  updateSettings(
    connection: WordPressConnection,
    site: SiteRef,
    settings: SiteSettings,
  ): Promise<SettingsResult> {
    return this.send(connection, calls.updateSettings(site, settings));
  }

  /** The instance's circuit breaker, for health reporting. */
  circuitState(connection: WordPressConnection): CircuitStateName {
    return this.resilience.circuitState(instanceKey(connection));
  }

  private send<T>(connection: WordPressConnection, spec: WordPressCallSpec): Promise<T> {
    if (!connection.baseUrl || !connection.hostHeader) {
      return Promise.reject(
        new UpstreamError('The WordPress connection needs baseUrl and hostHeader', {
          code: 'WORDPRESS_CONNECTION_INVALID',
          retryable: false,
        }),
      );
    }
    const { timeout = 'default', host = connection.hostHeader, ...call } = spec;
    return this.executor.send<T>(connection, { ...call, host, timeoutMs: this.timeouts[timeout] });
  }
}
