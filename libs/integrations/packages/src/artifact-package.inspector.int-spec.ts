import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3ArtifactStore } from '@bbws/integrations-artifacts';
import { buildFixtureTheme, buildSettingsPlugin, zipPackage } from '@bbws/testing-wordpress-fixtures';
import { strToU8, zipSync } from 'fflate';
import {
  freshUploadKey,
  localArtifactStore,
  recordCommands,
  zipDirectory,
} from '../test/package-store.fixture';
import { ArtifactPackageInspector } from './artifact-package.inspector';

const MAX = 50 * 1024 * 1024;
const AKISMET = '/usr/share/wordpress/wp-content/plugins/akismet';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const zip = (files: Record<string, string>) => zipPackage('package.zip', files).bytes;

describe('ArtifactPackageInspector against the local S3 server', () => {
  let store: S3ArtifactStore;
  let spoolDirectory: string;
  let inspector: ArtifactPackageInspector;

  beforeAll(async () => {
    store = localArtifactStore();
    spoolDirectory = await mkdtemp(path.join(tmpdir(), 'inspector-spec-'));
    inspector = new ArtifactPackageInspector(store, { spoolDirectory });
  });

  afterEach(async () => {
    // Whatever the outcome, the spooled copy is gone.
    expect(await readdir(spoolDirectory)).toEqual([]);
  });

  afterAll(async () => {
    store.destroy();
    await rm(spoolDirectory, { recursive: true, force: true });
  });

  const upload = async (bytes: Buffer): Promise<string> => {
    const key = freshUploadKey();
    await store.put(key, bytes, { contentType: 'application/zip' });
    return key;
  };

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the package was accepted');
      },
      (error: unknown) => error,
    );

  it('reads the fixture settings plugin: slug, main file, headers, sha256 and size of the bytes', async () => {
    const plugin = buildSettingsPlugin('1.0.0');
    const key = await upload(plugin.bytes);

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).resolves.toEqual({
      key,
      sha256: plugin.sha256,
      size: plugin.bytes.length,
      slug: 'bbws-fixture-settings',
      pluginFile: 'bbws-fixture-settings/bbws-fixture-settings',
      name: 'BBWS Fixture Settings',
      description: 'Test fixture that stores a configuration option.',
      version: '1.0.0',
      requiresAtLeast: null,
      requiresPhp: '7.4',
    });
  });

  it('reads Akismet as shipped with WordPress', async () => {
    const bytes = zipDirectory(AKISMET);
    const mainFile = readFileSync(path.join(AKISMET, 'akismet.php'), 'utf8');
    const key = await upload(bytes);

    const info = await inspector.inspectPlugin(key, { maxBytes: MAX });

    expect(info).toMatchObject({
      sha256: sha256(bytes),
      size: bytes.length,
      slug: 'akismet',
      pluginFile: 'akismet/akismet',
      name: /^Akismet/,
      version: /^Version: (.+)$/m.exec(mainFile)![1],
      requiresAtLeast: /^Requires at least: (.+)$/m.exec(mainFile)![1],
      requiresPhp: /^Requires PHP: (.+)$/m.exec(mainFile)![1],
    });
    expect(info.description).toContain('Akismet');
  });

  it('finds a main file of another name, ignoring headers in nested folders', async () => {
    const key = await upload(
      zip({
        'shop/includes/helper.php': '<?php\n/* Plugin Name: Nested, not a plugin */',
        'shop/a-helper.php': '<?php\n// no header here\n',
        'shop/main.php': '<?php\n/*\n * Plugin Name: Shop\n * Version: 3.1\n * Requires at least: 6.2\n */',
      }),
    );

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).resolves.toMatchObject({
      slug: 'shop',
      pluginFile: 'shop/main',
      name: 'Shop',
      version: '3.1',
      requiresAtLeast: '6.2',
      description: null,
      requiresPhp: null,
    });
  });

  it('reads a theme: stylesheet and style.css headers', async () => {
    const theme = buildFixtureTheme();
    const key = await upload(theme.bytes);

    await expect(inspector.inspectTheme(key, { maxBytes: MAX })).resolves.toEqual({
      key,
      sha256: theme.sha256,
      size: theme.bytes.length,
      stylesheet: 'bbws-fixture-theme',
      name: 'BBWS Fixture Theme',
      version: '1.0.0',
      requiresAtLeast: null,
    });
  });

  it('refuses an object larger than maxBytes from its head, without downloading it', async () => {
    const key = await upload(buildSettingsPlugin('2.0.0').bytes);
    const commands = recordCommands(store);

    const error = await rejection(inspector.inspectPlugin(key, { maxBytes: 100 }));

    expect(error).toMatchObject({
      status: 422,
      code: 'INVALID_PACKAGE',
      details: { problem: 'TOO_LARGE', maxBytes: 100, size: buildSettingsPlugin('2.0.0').bytes.length },
    });
    expect(commands).toEqual(['HeadObjectCommand']);
  });

  it('refuses a package with more entries than allowed, from the central directory', async () => {
    const strict = new ArtifactPackageInspector(store, { spoolDirectory, maxEntries: 2 });
    const key = await upload(
      zip({ 'many/many.php': '<?php // Plugin Name: Many', 'many/a.txt': 'a', 'many/b.txt': 'b' }),
    );

    await expect(strict.inspectPlugin(key, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'TOO_LARGE', entries: 3, maxEntries: 2 },
    });
  });

  it('reports a missing upload', async () => {
    const key = freshUploadKey();

    await expect(inspector.inspectTheme(key, { maxBytes: MAX })).rejects.toMatchObject({
      code: 'INVALID_PACKAGE',
      details: { problem: 'UPLOAD_NOT_FOUND', key },
    });
  });

  it.each([
    ['plain text', Buffer.from('this is not a zip at all')],
    ['a truncated archive', buildSettingsPlugin('1.0.0').bytes.subarray(0, 200)],
  ])('refuses %s as NOT_A_ZIP', async (_label, bytes) => {
    const key = await upload(bytes);

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).rejects.toMatchObject({
      code: 'INVALID_PACKAGE',
      details: { problem: 'NOT_A_ZIP' },
    });
  });

  it('refuses an archive whose header file does not inflate', async () => {
    const bytes = Buffer.from(buildSettingsPlugin('1.0.0').bytes);
    // The first entry's compressed data starts after its 30-byte local header and name.
    const dataStart = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    bytes.fill(0xff, dataStart, dataStart + 16);
    const key = await upload(bytes);

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'NOT_A_ZIP', entry: 'bbws-fixture-settings/bbws-fixture-settings.php' },
    });
  });

  it.each([
    ['a traversal entry', { 'evil/evil.php': '<?php // Plugin Name: Evil', 'evil/../../etc/cron.php': 'x' }],
    ['an absolute path', { 'evil/evil.php': '<?php // Plugin Name: Evil', '/etc/passwd': 'x' }],
    ['a backslash traversal', { 'evil/evil.php': '<?php // Plugin Name: Evil', 'evil\\..\\..\\x.php': 'x' }],
  ])('refuses %s as UNSAFE_ENTRY', async (_label, files) => {
    const key = await upload(zip(files));

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).rejects.toMatchObject({
      code: 'INVALID_PACKAGE',
      details: { problem: 'UNSAFE_ENTRY' },
    });
  });

  it('refuses a symbolic link as UNSAFE_ENTRY', async () => {
    const bytes = Buffer.from(
      zipSync({
        'evil/evil.php': strToU8('<?php // Plugin Name: Evil'),
        'evil/passwd': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
      }),
    );
    const key = await upload(bytes);

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'UNSAFE_ENTRY', entry: 'evil/passwd' },
    });
  });

  it.each([
    [
      'two top folders',
      { 'one/one.php': '<?php // Plugin Name: One', 'two/two.php': '<?php // Plugin Name: Two' },
    ],
    ['a file next to the folder', { 'one/one.php': '<?php // Plugin Name: One', 'readme.txt': 'hi' }],
    ['files at the root only', { 'one.php': '<?php // Plugin Name: One' }],
  ])('refuses %s as NO_SINGLE_TOP_FOLDER', async (_label, files) => {
    const key = await upload(zip(files));

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'NO_SINGLE_TOP_FOLDER' },
    });
  });

  it('ignores the __MACOSX folder macOS adds', async () => {
    const key = await upload(
      zip({ 'mac/mac.php': '<?php // Plugin Name: Mac', '__MACOSX/mac/._mac.php': 'resource fork' }),
    );

    await expect(inspector.inspectPlugin(key, { maxBytes: MAX })).resolves.toMatchObject({ slug: 'mac' });
  });

  it('reads only the first 8 KiB of a file, as core does, however large it inflates', async () => {
    const late = `<?php\n/*${' '.repeat(9000)}\nPlugin Name: Too late\n*/`;
    const huge = `<?php\n/* Plugin Name: Big */\n${'//'.repeat(10 * 1024 * 1024)}`;
    const lateKey = await upload(zip({ 'late/late.php': late }));
    const hugeKey = await upload(zip({ 'big/big.php': huge }));

    await expect(inspector.inspectPlugin(lateKey, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'NO_PLUGIN_HEADER', slug: 'late' },
    });
    await expect(inspector.inspectPlugin(hugeKey, { maxBytes: MAX })).resolves.toMatchObject({ name: 'Big' });
  });

  it('refuses a theme without a style.css header, and a plugin given as a theme', async () => {
    const headerless = await upload(zip({ 'plain/style.css': 'body {}', 'plain/index.php': '<?php' }));
    const plugin = await upload(buildSettingsPlugin('1.0.0').bytes);

    await expect(inspector.inspectTheme(headerless, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'NO_THEME_HEADER', stylesheet: 'plain' },
    });
    await expect(inspector.inspectTheme(plugin, { maxBytes: MAX })).rejects.toMatchObject({
      details: { problem: 'NO_THEME_HEADER', stylesheet: 'bbws-fixture-settings' },
    });
  });
});
