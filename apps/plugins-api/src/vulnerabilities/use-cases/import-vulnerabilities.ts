import type { CataloguePlugin, CataloguePluginDao } from '@bbws/data-access-catalogue';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import type { FeedVulnerability, ImportSkip } from '../feed-vulnerability';
import { reconcileVulnerabilities, type VersionChange } from '../plugin-vulnerabilities.reconcile';
import { feedInputOf, type VulnerabilityFeedSource } from '../vulnerability-feed.source';
import { matchVersions } from '../version-range.matcher';
import { readFeedRecord } from '../wordfence-feed.reader';

export interface PluginVersionChange extends VersionChange {
  pluginId: string;
  wpSlug: string;
}

export interface ImportReport {
  recordsRead: number;
  /** Records concerning at least one catalogue plugin. */
  recordsMatched: number;
  pluginsChanged: number;
  changes: PluginVersionChange[];
  skipped: ImportSkip[];
}

const CATALOGUE_PAGE_SIZE = 100;
const WRITE_ATTEMPTS = 3;

/**
 * Imports a Wordfence Intelligence v2 feed into the catalogue: reads every plugin once, reads the
 * whole feed keeping only the records of catalogue slugs (a bad feed fails here, before any
 * write), then replaces each plugin's WORDFENCE vulnerabilities with the feed's (MANUAL ones kept)
 * and writes only the plugins that changed, each at the version it was read at, re-reading it on a
 * concurrent change a bounded number of times. The feed is the whole truth: a record it no longer
 * holds is removed; an uploaded feed is discarded once imported. Idempotent: the same feed again
 * changes nothing.
 */
export class ImportVulnerabilities {
  constructor(
    private readonly plugins: Pick<CataloguePluginDao, 'listAll' | 'get' | 'replace'>,
    private readonly feeds: Pick<VulnerabilityFeedSource, 'open' | 'consumed'>,
  ) {}

  /** `body`: the feed inline or `{ uploadId }`. Platform admins only. */
  async import(caller: Caller, body: unknown): Promise<ImportReport> {
    requirePlatformAdmin(caller);
    const input = feedInputOf(body);
    const catalogue = await this.readCatalogue();
    const records = await this.feeds.open(input);
    const report: ImportReport = {
      recordsRead: 0,
      recordsMatched: 0,
      pluginsChanged: 0,
      changes: [],
      skipped: [],
    };
    const bySlug = new Map<string, FeedVulnerability[]>();
    for await (const [key, value] of records) {
      report.recordsRead += 1;
      const reading = readFeedRecord(key, value, (slug) => catalogue.has(slug));
      report.skipped.push(...reading.skipped);
      if (reading.matches.length || reading.skipped.length) report.recordsMatched += 1;
      for (const { wpSlug, vulnerability } of reading.matches) {
        const known = bySlug.get(wpSlug);
        if (known) known.push(vulnerability);
        else bySlug.set(wpSlug, [vulnerability]);
      }
    }
    const bySlugOrder = [...catalogue.values()].sort((a, b) => (a.wpSlug < b.wpSlug ? -1 : 1));
    for (const plugin of bySlugOrder) {
      const changes = await this.apply(plugin, bySlug.get(plugin.wpSlug) ?? [], report.skipped);
      if (!changes.length) continue;
      report.pluginsChanged += 1;
      report.changes.push(...changes);
    }
    await this.feeds.consumed(input);
    return report;
  }

  private async readCatalogue(): Promise<Map<string, CataloguePlugin>> {
    const bySlug = new Map<string, CataloguePlugin>();
    let startAt: string | undefined;
    do {
      const page = await this.plugins.listAll({ pageSize: CATALOGUE_PAGE_SIZE, startAt });
      for (const plugin of page.items) bySlug.set(plugin.wpSlug, plugin);
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    return bySlug;
  }

  private async apply(
    read: CataloguePlugin,
    vulnerabilities: readonly FeedVulnerability[],
    skipped: ImportSkip[],
  ): Promise<PluginVersionChange[]> {
    const about = { pluginId: read.pluginId, wpSlug: read.wpSlug };
    let plugin: CataloguePlugin | null = read;
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS && plugin; attempt += 1) {
      const matches = matchVersions(
        plugin.versions.map((entry) => entry.version),
        vulnerabilities,
      );
      const { plugin: next, changes } = reconcileVulnerabilities(plugin, matches.byVersion);
      try {
        if (changes.length) await this.plugins.replace(next, plugin.version);
        skipped.push(...matches.skipped.map((skip) => ({ ...skip, ...about })));
        return changes.map((change) => ({ ...about, ...change }));
      } catch (error) {
        if (!(error instanceof VersionConflictError || error instanceof ItemMissingError)) throw error;
        plugin = error instanceof ItemMissingError ? null : await this.plugins.get(plugin.pluginId);
      }
    }
    skipped.push({ reason: plugin ? 'PLUGIN_KEPT_CHANGING' : 'PLUGIN_DELETED', ...about });
    return [];
  }
}
