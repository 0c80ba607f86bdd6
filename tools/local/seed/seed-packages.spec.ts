import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { buildSettingsPlugin } from '@bbws/testing-wordpress-fixtures';
import { buildPackage } from './seed-packages';

describe('seed packages', () => {
  it('zips a folder under the plugin slug as the top folder, to the same bytes every time', async () => {
    const source = { directory: 'packages/bbws-meta-description' };
    const first = await buildPackage(source, 'bbws-meta-description', __dirname);
    const second = await buildPackage(source, 'bbws-meta-description', __dirname);
    expect(first.equals(second)).toBe(true);
    const entries = unzipSync(first);
    expect(Object.keys(entries).sort()).toEqual([
      'bbws-meta-description/bbws-meta-description.php',
      'bbws-meta-description/readme.txt',
    ]);
    expect(Buffer.from(entries['bbws-meta-description/bbws-meta-description.php']).toString()).toContain(
      'Version: 1.2.0',
    );
  });

  it('zips absolute folders (the Debian Akismet) with their subfolders', async () => {
    const zip = await buildPackage(
      { directory: '/usr/share/wordpress/wp-content/plugins/akismet' },
      'akismet',
      path.join(__dirname, 'elsewhere'),
    );
    const names = Object.keys(unzipSync(zip));
    expect(names).toContain('akismet/akismet.php');
    expect(names.some((name) => /^akismet\/.+\/.+/.test(name))).toBe(true);
    expect(names.every((name) => name.startsWith('akismet/'))).toBe(true);
  });

  it('builds the fixture plugins with the testing library', async () => {
    const zip = await buildPackage(
      { fixture: 'settings', version: '2.0.0' },
      'bbws-fixture-settings',
      __dirname,
    );
    expect(zip.equals(buildSettingsPlugin('2.0.0').bytes)).toBe(true);
  });

  it('refuses an empty folder', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'bbws-empty-'));
    try {
      await expect(buildPackage({ directory: empty }, 'x', __dirname)).rejects.toThrow('holds no files');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
