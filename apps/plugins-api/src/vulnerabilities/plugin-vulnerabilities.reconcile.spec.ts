import type { CataloguePlugin, PluginVersion, PluginVulnerability } from '@bbws/data-access-catalogue';
import { reconcileVulnerabilities } from './plugin-vulnerabilities.reconcile';

const vulnerability = (id: string, overrides: Partial<PluginVulnerability> = {}): PluginVulnerability => ({
  id,
  title: `Vulnerability ${id}`,
  severity: 'HIGH',
  cvssScore: 7.5,
  cve: null,
  fixedIn: '2.0.0',
  source: 'WORDFENCE',
  ...overrides,
});

const version = (number: string, vulnerabilities: PluginVulnerability[] = []): PluginVersion => ({
  version: number,
  packageArtifact: { key: `packages/plugins/p/${number}/p.zip`, sha256: 'a'.repeat(64), size: 1 },
  minWordPressVersion: null,
  requiresPhp: null,
  vulnerabilities,
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'admin',
});

const plugin = (versions: PluginVersion[]) => ({ pluginId: 'plg-1', versions }) as CataloguePlugin;

describe('reconcileVulnerabilities', () => {
  it('adds the matched vulnerabilities and reports them per version', () => {
    const result = reconcileVulnerabilities(
      plugin([version('2.0.0'), version('1.0.0')]),
      new Map([['1.0.0', [vulnerability('b'), vulnerability('a')]]]),
    );

    expect(result.changes).toEqual([{ version: '1.0.0', added: ['a', 'b'], removed: [], updated: [] }]);
    expect(result.plugin.versions[1].vulnerabilities.map((found) => found.id)).toEqual(['a', 'b']);
    expect(result.plugin.versions[0].vulnerabilities).toEqual([]);
  });

  it('removes WORDFENCE vulnerabilities the feed no longer holds and keeps MANUAL ones', () => {
    const manual = vulnerability('m', { source: 'MANUAL', title: 'Found by our team' });
    const result = reconcileVulnerabilities(
      plugin([version('1.0.0', [manual, vulnerability('gone')])]),
      new Map(),
    );

    expect(result.changes).toEqual([{ version: '1.0.0', added: [], removed: ['gone'], updated: [] }]);
    expect(result.plugin.versions[0].vulnerabilities).toEqual([manual]);
  });

  it('reports a changed severity or fixedIn as updated', () => {
    const result = reconcileVulnerabilities(
      plugin([version('1.0.0', [vulnerability('a')])]),
      new Map([['1.0.0', [vulnerability('a', { severity: 'CRITICAL', fixedIn: '1.0.1' })]]]),
    );

    expect(result.changes).toEqual([{ version: '1.0.0', added: [], removed: [], updated: ['a'] }]);
    expect(result.plugin.versions[0].vulnerabilities[0]).toMatchObject({
      severity: 'CRITICAL',
      fixedIn: '1.0.1',
    });
  });

  it('lets a MANUAL entry win over a feed entry of the same id', () => {
    const manual = vulnerability('a', { source: 'MANUAL' });
    const result = reconcileVulnerabilities(
      plugin([version('1.0.0', [manual])]),
      new Map([['1.0.0', [vulnerability('a')]]]),
    );

    expect(result.changes).toEqual([]);
  });

  it('returns the same plugin when nothing changes, whatever the stored order', () => {
    const stored = plugin([version('1.0.0', [vulnerability('b'), vulnerability('a')])]);

    const result = reconcileVulnerabilities(
      stored,
      new Map([['1.0.0', [vulnerability('a'), vulnerability('b')]]]),
    );

    expect(result).toEqual({ plugin: stored, changes: [] });
    expect(result.plugin).toBe(stored);
  });
});
