import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteRef } from './wordpress-connection';
import {
  addUpload,
  editArchive,
  setTableSql,
  sha256Hex,
  tableSql,
  type EditableArchive,
} from '../test/site-archive.fixture';
import { startWordPressSuite, type WordPressSuite } from '../test/wordpress-suite.fixture';

jest.setTimeout(90_000);

describe('site import safety against a real multisite network', () => {
  let suite: WordPressSuite;
  let site: SiteRef;
  let uploadFile: string;
  let exported: Buffer;
  let prefix: string;

  const php = (code: string) => suite.network.runPhp(code, { host: site.host });
  /** Checksums of the site's tables, its upload file's content, and leftover staging tables and folders. */
  const siteState = async () => ({
    tables: await suite.network.query(`CHECKSUM TABLE ${prefix}posts, ${prefix}options, ${prefix}postmeta`),
    upload: readFileSync(uploadFile, 'utf8'),
    staging: await suite.network.query(`SHOW TABLES LIKE '${prefix}bbws\\_import\\_%'`),
    stagingFolders: readdirSync(join(suite.network.docRoot, 'wp-content')).filter((name) =>
      name.startsWith('bbws-import-'),
    ),
  });
  const publish = (name: string, bytes: Buffer) => ({
    downloadUrl: suite.artifacts.put(name, bytes),
    sha256: sha256Hex(bytes),
  });
  const edited = (edit: (archive: EditableArchive) => void) => editArchive(exported, edit);
  const setRawOption = (name: string, value: string) =>
    suite.network.query(
      `INSERT INTO ${prefix}options (option_name, option_value, autoload) VALUES ('${name}', '${value.replace(/'/g, "''")}', 'no')`,
    );
  const rawOption = (name: string) =>
    suite.network.query(`SELECT option_value FROM ${prefix}options WHERE option_name = '${name}'`);

  beforeAll(async () => {
    suite = await startWordPressSuite();
    const host = suite.network.hostFor('importer');
    const created = await suite.client.createSite(suite.connection, {
      domain: host,
      title: 'Importer',
      adminEmail: 'owner@importer.test',
    });
    site = { blogId: created.blogId, host };
    prefix = `wp_${site.blogId}_`;
    uploadFile = await php(`
      $dir = wp_upload_dir();
      file_put_contents($dir['path'] . '/kept.txt', 'kept upload');
      wp_insert_post(array('post_title' => 'Exported post', 'post_status' => 'publish', 'post_content' => 'Links to http://old.example/page'));
      echo $dir['path'] . '/kept.txt';`);
    await setRawOption('bbws_broken_serialized', 'a:1:{i:0;s:99:"http://old.example/";}');
    await setRawOption(
      'bbws_foreign_object',
      'O:18:"Acme_Widget_Config":1:{s:4:"link";s:23:"http://old.example/shop";}',
    );
    await setRawOption('bbws_sound_serialized', 'a:1:{i:0;s:19:"http://old.example/";}');
    await suite.client.createBackup(suite.connection, site, {
      uploadUrl: suite.artifacts.urlFor('importer.zip'),
    });
    exported = suite.artifacts.get('importer.zip') ?? Buffer.alloc(0);
    await suite.network.query(
      `UPDATE ${prefix}posts SET post_title = 'Changed after export' WHERE post_title = 'Exported post'`,
    );
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('leaves the tables and uploads as they were when an upload of the archive cannot be written', async () => {
    const before = await siteState();
    const archive = edited((edit) =>
      addUpload(edit, `2020/01/${'x'.repeat(300)}.txt`, 'name too long to write'),
    );

    await expect(
      suite.client.restoreBackup(suite.connection, site, publish('unwritable-upload.zip', archive)),
    ).rejects.toMatchObject({ code: 'WORDPRESS_IMPORT_FAILED', upstreamStatus: 500 });

    expect(await siteState()).toEqual(before);
    expect(
      await suite.network.query(
        `SELECT COUNT(*) FROM ${prefix}posts WHERE post_title = 'Changed after export'`,
      ),
    ).toBe('1');
  });

  describe('rejects an archive whose SQL is anything but CREATE TABLE / INSERT INTO ... VALUES for its own tables', () => {
    const appendToPosts = (statement: (source: string) => string) => (archive: EditableArchive) =>
      setTableSql(
        archive,
        'posts',
        tableSql(archive, 'posts') + statement(archive.manifest.source.tablePrefix) + '\n',
      );
    const cases: Array<[string, (archive: EditableArchive) => void]> = [
      ['a DROP TABLE', appendToPosts(() => 'DROP TABLE `wp_users`;')],
      ['an UPDATE', appendToPosts((source) => `UPDATE \`${source}posts\` SET post_title = 'x';`)],
      [
        'an INSERT of a table outside the manifest',
        appendToPosts(() => "INSERT INTO `wp_users` (`ID`) VALUES ('99');"),
      ],
      [
        'an INSERT ... SELECT reading another table',
        appendToPosts(
          (source) =>
            `INSERT INTO \`${source}posts\` (\`post_title\`) SELECT \`user_pass\` FROM \`wp_users\`;`,
        ),
      ],
      [
        'a second statement after an INSERT',
        appendToPosts(
          (source) =>
            `INSERT INTO \`${source}posts\` (\`post_title\`) VALUES ('x'); DROP TABLE \`wp_users\`;`,
        ),
      ],
      [
        'a CREATE TABLE ... SELECT',
        (archive) =>
          setTableSql(
            archive,
            'links',
            `CREATE TABLE \`${archive.manifest.source.tablePrefix}links\` SELECT * FROM \`wp_users\`;\n`,
          ),
      ],
    ];

    it.each(cases)('%s: 422 and the site unchanged', async (_name, edit) => {
      const before = await siteState();
      const users = await suite.network.query('CHECKSUM TABLE wp_users');

      await expect(
        suite.client.restoreBackup(suite.connection, site, publish('bad-sql.zip', edited(edit))),
      ).rejects.toMatchObject({ code: 'WORDPRESS_ARCHIVE_INVALID', upstreamStatus: 422, retryable: false });

      expect(await siteState()).toEqual(before);
      expect(await suite.network.query('CHECKSUM TABLE wp_users')).toBe(users);
    });
  });

  describe('serialized values during the URL rewrite', () => {
    it('leaves a serialized string that does not unserialize byte-identical and counts it; skips objects of other classes and counts them', async () => {
      const result = await suite.client.restoreBackup(suite.connection, site, {
        ...publish('importer-again.zip', exported),
        searchReplace: [{ from: 'http://old.example', to: 'https://new.example.org' }],
      });

      expect(result).toMatchObject({ unreadableSerialized: 1, skippedObjects: 1 });
      expect(await rawOption('bbws_broken_serialized')).toBe('a:1:{i:0;s:99:"http://old.example/";}');
      expect(await rawOption('bbws_foreign_object')).toBe(
        'O:18:"Acme_Widget_Config":1:{s:4:"link";s:23:"http://old.example/shop";}',
      );
      expect(await rawOption('bbws_sound_serialized')).toBe('a:1:{i:0;s:24:"https://new.example.org/";}');
      expect(
        await suite.network.query(
          `SELECT post_content FROM ${prefix}posts WHERE post_title = 'Exported post'`,
        ),
      ).toBe('Links to https://new.example.org/page');
      expect(existsSync(uploadFile)).toBe(true);
    });
  });

  describe('tables the site does not own', () => {
    it("refuses a manifest table that would replace one of the network's tables, and leaves it as it was", async () => {
      await suite.client.createBackup(
        suite.connection,
        { blogId: 1, host: suite.network.networkDomain },
        {
          uploadUrl: suite.artifacts.urlFor('main.zip'),
        },
      );
      const users = await suite.network.query('CHECKSUM TABLE wp_users');
      const archive = editArchive(suite.artifacts.get('main.zip') ?? Buffer.alloc(0), (edit) => {
        edit.manifest.tables.push({ name: 'users', rows: 1, bytes: 0, sha256: '' });
        setTableSql(
          edit,
          'users',
          "CREATE TABLE `wp_users` (`ID` int) ENGINE=InnoDB;\nINSERT INTO `wp_users` (`ID`) VALUES ('1');\n",
        );
      });

      await expect(
        suite.client.restoreBackup(
          suite.connection,
          { blogId: 1, host: suite.network.networkDomain },
          publish('main-with-users.zip', archive),
        ),
      ).rejects.toMatchObject({ code: 'WORDPRESS_ARCHIVE_INVALID', upstreamStatus: 422 });

      expect(await suite.network.query('CHECKSUM TABLE wp_users')).toBe(users);
    });
  });
});
