import { buildCataloguePlugin, buildPluginVersion, buildVulnerability } from '@bbws/testing-factories';
import type { InstallCheckRequest } from './catalogue.entity';
import { evaluateInstallability } from './plugin-installability.evaluate';

const vulnerability = buildVulnerability({ id: 'wf-1' });
const plugin = buildCataloguePlugin({
  latestVersion: '2.1.0',
  versions: [
    buildPluginVersion('2.1.0', { minWordPressVersion: '6.4' }),
    buildPluginVersion('2.0.0', { vulnerabilities: [buildVulnerability({ id: 'wf-2' })] }),
    buildPluginVersion('1.5.0'),
    buildPluginVersion('1.0.0', { vulnerabilities: [vulnerability], minWordPressVersion: null }),
  ],
});

function request(overrides: Partial<InstallCheckRequest> = {}): InstallCheckRequest {
  return { pluginId: plugin.pluginId, wordpressVersion: '6.4.2', installed: [], ...overrides };
}

describe('evaluateInstallability', () => {
  it('allows the latest version by default, with its package and plugin file', () => {
    expect(evaluateInstallability(plugin, [], request())).toEqual({
      ok: true,
      pluginId: plugin.pluginId,
      version: '2.1.0',
      packageArtifact: plugin.versions[0].packageArtifact,
      pluginFile: plugin.pluginFile,
    });
  });

  it('refuses a plugin that is not in the catalogue', () => {
    expect(evaluateInstallability(null, [], request())).toEqual({
      ok: false,
      reason: 'PLUGIN_NOT_FOUND',
      pluginId: plugin.pluginId,
    });
  });

  it('refuses an unapproved plugin before looking at its blocklisting', () => {
    const unapproved = { ...plugin, isApproved: false, isBlocklisted: true };
    expect(evaluateInstallability(unapproved, [], request())).toMatchObject({ reason: 'NOT_APPROVED' });
  });

  it('refuses a blocklisted plugin with the reason, whatever the version', () => {
    const blocked = { ...plugin, isBlocklisted: true, blocklistReason: 'Abandoned' };
    expect(evaluateInstallability(blocked, [], request({ version: '9.9' }))).toEqual({
      ok: false,
      reason: 'BLOCKLISTED',
      pluginId: plugin.pluginId,
      blocklistReason: 'Abandoned',
    });
  });

  it('refuses a version the catalogue does not hold, and a plugin without versions', () => {
    expect(evaluateInstallability(plugin, [], request({ version: '3.0.0' }))).toEqual({
      ok: false,
      reason: 'VERSION_NOT_FOUND',
      pluginId: plugin.pluginId,
      version: '3.0.0',
    });
    const empty = { ...plugin, versions: [], latestVersion: null };
    expect(evaluateInstallability(empty, [], request())).toMatchObject({
      reason: 'VERSION_NOT_FOUND',
      version: 'latest',
    });
  });

  it('refuses a vulnerable version with its vulnerability ids and the lowest clean newer version', () => {
    expect(evaluateInstallability(plugin, [], request({ version: '1.0.0' }))).toEqual({
      ok: false,
      reason: 'VULNERABLE',
      pluginId: plugin.pluginId,
      version: '1.0.0',
      vulnerabilityIds: ['wf-1'],
      safeVersion: '1.5.0',
    });
    expect(evaluateInstallability(plugin, [], request({ version: '2.0.0' }))).toMatchObject({
      reason: 'VULNERABLE',
      vulnerabilityIds: ['wf-2'],
      safeVersion: '2.1.0',
    });
    const noFix = { ...plugin, versions: plugin.versions.slice(1, 2), latestVersion: '2.0.0' };
    expect(evaluateInstallability(noFix, [], request())).toMatchObject({ safeVersion: null });
  });

  it('refuses a version that needs a newer WordPress, comparing versions numerically', () => {
    expect(evaluateInstallability(plugin, [], request({ wordpressVersion: '6.3.9' }))).toEqual({
      ok: false,
      reason: 'INCOMPATIBLE_WORDPRESS',
      pluginId: plugin.pluginId,
      version: '2.1.0',
      minWordPressVersion: '6.4',
      wordpressVersion: '6.3.9',
    });
    expect(evaluateInstallability(plugin, [], request({ wordpressVersion: '6.10' }))).toMatchObject({
      ok: true,
    });
    expect(evaluateInstallability(plugin, [], request({ wordpressVersion: '6.4' }))).toMatchObject({
      ok: true,
    });
  });

  it('refuses a plugin in conflict with an installed one, whichever side declares it', () => {
    const other = buildCataloguePlugin();
    const declaring = { ...plugin, conflictsWith: [other.pluginId] };
    expect(evaluateInstallability(declaring, [other], request({ installed: [other.pluginId] }))).toEqual({
      ok: false,
      reason: 'CONFLICT',
      pluginId: plugin.pluginId,
      conflictingPluginId: other.pluginId,
    });
    const declaredAgainst = { ...other, conflictsWith: [plugin.pluginId] };
    expect(
      evaluateInstallability(plugin, [declaredAgainst], request({ installed: [other.pluginId] })),
    ).toMatchObject({ reason: 'CONFLICT', conflictingPluginId: other.pluginId });
    expect(evaluateInstallability(declaring, [], request({ installed: [] }))).toMatchObject({ ok: true });
  });

  it('checks in order: a vulnerable version is reported before an incompatible WordPress or a conflict', () => {
    const other = buildCataloguePlugin({ conflictsWith: [plugin.pluginId] });
    const check = evaluateInstallability(
      plugin,
      [other],
      request({ version: '2.0.0', wordpressVersion: '5.0', installed: [other.pluginId] }),
    );
    expect(check).toMatchObject({ reason: 'VULNERABLE' });
    expect(
      evaluateInstallability(
        plugin,
        [other],
        request({ wordpressVersion: '5.0', installed: [other.pluginId] }),
      ),
    ).toMatchObject({ reason: 'INCOMPATIBLE_WORDPRESS' });
  });
});
