import { SeedApiClient, type SeedTarget } from './seed-api.client';
import { loadSeedData } from './seed-data';
import { seedPlugins } from './seed-plugins';
import { seedTemplates } from './seed-templates';
import { vulnerabilityChanges } from './vulnerability-import.report';

export interface SeedReport {
  pluginsCreated: string[];
  versionsAdded: string[];
  conflictsSet: string[];
  /** Plugin versions the vulnerability feed changed (`wpSlug@version`). */
  vulnerabilitiesChanged: string[];
  templatesCreated: string[];
  templatesPublished: string[];
}

/**
 * Seeds the catalogue through the admin API (plugins with their packages, the vulnerability feed,
 * published templates). Idempotent: what exists is kept, so a second run changes nothing.
 */
export async function seedCatalogue(options: {
  target: SeedTarget;
  token: string;
  dataDir: string;
}): Promise<SeedReport> {
  const { target } = options;
  const api = new SeedApiClient(options.token);
  const data = await loadSeedData(options.dataDir);
  const plugins = await seedPlugins(api, target, data);
  const imported = await api.call<unknown>(
    'POST',
    `${target.pluginsApi}/admin/plugins/vulnerabilities/import`,
    200,
    data.vulnerabilityFeed,
  );
  const templates = await seedTemplates(api, target, data, plugins.ids);
  return {
    pluginsCreated: plugins.created,
    versionsAdded: plugins.versionsAdded,
    conflictsSet: plugins.conflictsSet,
    vulnerabilitiesChanged: vulnerabilityChanges(imported),
    templatesCreated: templates.created,
    templatesPublished: templates.published,
  };
}

/** One line saying what the seed changed, or that it changed nothing. */
export function describeSeed(report: SeedReport): string {
  const count = (items: readonly string[], one: string, many: string) =>
    items.length === 0 ? [] : [items.length === 1 ? `1 ${one}` : `${items.length} ${many}`];
  const changed = [
    ...count(report.pluginsCreated, 'plugin created', 'plugins created'),
    ...count(report.versionsAdded, 'plugin version added', 'plugin versions added'),
    ...count(report.conflictsSet, 'conflict set', 'conflicts set'),
    ...count(
      report.vulnerabilitiesChanged,
      'plugin version with vulnerabilities updated',
      'plugin versions with vulnerabilities updated',
    ),
    ...count(report.templatesCreated, 'template created', 'templates created'),
    ...count(report.templatesPublished, 'template published', 'templates published'),
  ];
  return changed.length === 0
    ? 'catalogue seed: already seeded, nothing changed'
    : `catalogue seed: ${changed.join(', ')}`;
}
