import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { buildConflictingPlugin, buildSettingsPlugin, SETTINGS_PLUGIN } from './fixture-plugins';
import { buildFixtureTheme } from './fixture-theme';

describe('fixture packages', () => {
  it('builds two versions of the settings plugin under the same plugin id', () => {
    const v1 = buildSettingsPlugin('1.0.0');
    const v2 = buildSettingsPlugin('2.0.0');

    const main = (pkg: typeof v1) => strFromU8(unzipSync(pkg.bytes)[`${SETTINGS_PLUGIN}.php`]);
    expect(main(v1)).toContain('Version: 1.0.0');
    expect(main(v2)).toContain('Version: 2.0.0');
    expect(v1.sha256).not.toEqual(v2.sha256);
  });

  it('reports the sha256 of the zip bytes', () => {
    const pkg = buildConflictingPlugin();

    expect(pkg.sha256).toEqual(createHash('sha256').update(pkg.bytes).digest('hex'));
    expect(strFromU8(unzipSync(pkg.bytes)[`${pkg.plugin}.php`])).toContain(
      'Conflicts With: bbws-fixture-settings',
    );
  });

  it('builds the same bytes every time, so checksums are stable', () => {
    expect(buildFixtureTheme().sha256).toEqual(buildFixtureTheme().sha256);
  });

  it('puts the theme under its stylesheet folder with a style.css header', () => {
    const theme = buildFixtureTheme();

    expect(strFromU8(unzipSync(theme.bytes)[`${theme.stylesheet}/style.css`])).toContain(
      'Theme Name: BBWS Fixture Theme',
    );
  });
});
