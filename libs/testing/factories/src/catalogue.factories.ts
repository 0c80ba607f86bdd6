import { randomUUID } from 'node:crypto';
import type { CataloguePlugin, PluginVersion, PluginVulnerability } from '@bbws/data-access-catalogue';
import { newId } from '@bbws/shared-util';

export function buildPluginVersion(version: string, overrides: Partial<PluginVersion> = {}): PluginVersion {
  return {
    version,
    packageArtifact: { key: `packages/plugins/x/${version}/x.zip`, sha256: 'a'.repeat(64), size: 10 },
    minWordPressVersion: '6.0',
    requiresPhp: null,
    vulnerabilities: [],
    addedAt: '2026-01-01T00:00:00.000Z',
    addedBy: 'usr-admin',
    ...overrides,
  };
}

export function buildVulnerability(overrides: Partial<PluginVulnerability> = {}): PluginVulnerability {
  return {
    id: randomUUID(),
    title: 'Cross-site scripting',
    severity: 'MEDIUM',
    cvssScore: 6.1,
    cve: null,
    fixedIn: null,
    source: 'MANUAL',
    ...overrides,
  };
}

/** An approved, listed plugin with one clean version 1.0.0 (unless `versions` says otherwise) and a unique wpSlug. */
export function buildCataloguePlugin(overrides: Partial<CataloguePlugin> = {}): CataloguePlugin {
  const wpSlug = overrides.wpSlug ?? `plugin-${randomUUID().slice(0, 8)}`;
  const versions = overrides.versions ?? [buildPluginVersion('1.0.0')];
  return {
    pluginId: newId('plg'),
    wpSlug,
    pluginFile: `${wpSlug}/${wpSlug}`,
    name: `Plugin ${wpSlug}`,
    description: 'A plugin',
    category: 'SEO',
    pricing: 'FREE',
    isApproved: true,
    isBlocklisted: false,
    blocklistReason: null,
    blocklistedAt: null,
    blocklistedBy: null,
    latestVersion: versions[0]?.version ?? null,
    versions,
    conflictsWith: [],
    installCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'usr-admin',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
