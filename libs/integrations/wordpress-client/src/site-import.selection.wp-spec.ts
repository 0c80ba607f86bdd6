import { readFileSync, writeFileSync } from 'node:fs';
import type { SiteRef } from './wordpress-connection';
import { sha256Hex } from '../test/site-archive.fixture';
import { startWordPressSuite, type WordPressSuite } from '../test/wordpress-suite.fixture';

jest.setTimeout(90_000);

/** POST /sites/{id}/import with includeDatabase / includeFiles (a promotion's selection). */
describe('selective site import against a real multisite network', () => {
  let suite: WordPressSuite;
  let site: SiteRef;
  let uploadFile: string;
  let archive: { downloadUrl: string; sha256: string };
  let prefix: string;

  const title = async () =>
    suite.network.query(`SELECT post_title FROM ${prefix}posts WHERE post_name = 'selected-post'`);
  /** The site as it is after the export: another post title, another upload content. */
  const changeSite = async () => {
    await suite.network.query(
      `UPDATE ${prefix}posts SET post_title = 'Changed' WHERE post_name = 'selected-post'`,
    );
    writeFileSync(uploadFile, 'changed upload');
  };

  beforeAll(async () => {
    suite = await startWordPressSuite();
    const host = suite.network.hostFor('selective');
    const created = await suite.client.createSite(suite.connection, {
      domain: host,
      title: 'Selective',
      adminEmail: 'owner@selective.test',
    });
    site = { blogId: created.blogId, host };
    prefix = `wp_${site.blogId}_`;
    uploadFile = await suite.network.runPhp(
      `
      $dir = wp_upload_dir();
      file_put_contents($dir['path'] . '/selected.txt', 'exported upload');
      wp_insert_post(array('post_title' => 'Exported', 'post_name' => 'selected-post', 'post_status' => 'publish'));
      echo $dir['path'] . '/selected.txt';`,
      { host },
    );
    await suite.client.createBackup(suite.connection, site, {
      uploadUrl: suite.artifacts.urlFor('selective.zip'),
    });
    const bytes = suite.artifacts.get('selective.zip') ?? Buffer.alloc(0);
    archive = { downloadUrl: suite.artifacts.put('selective-copy.zip', bytes), sha256: sha256Hex(bytes) };
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('imports only the uploads without the database, leaving the tables as they are', async () => {
    await changeSite();
    const result = await suite.client.restoreBackup(suite.connection, site, {
      ...archive,
      includeDatabase: false,
    });
    expect(result).toMatchObject({ tables: 0, rows: 0, files: 1 });
    expect(readFileSync(uploadFile, 'utf8')).toBe('exported upload');
    expect(await title()).toBe('Changed');
  });

  it('imports only the tables without the files, leaving the uploads as they are', async () => {
    await changeSite();
    const result = await suite.client.restoreBackup(suite.connection, site, {
      ...archive,
      includeFiles: false,
    });
    expect(result.tables).toBeGreaterThan(0);
    expect(result.files).toBe(0);
    expect(await title()).toBe('Exported');
    expect(readFileSync(uploadFile, 'utf8')).toBe('changed upload');
  });

  it('refuses an import of nothing (400) and changes nothing', async () => {
    await changeSite();
    await expect(
      suite.client.restoreBackup(suite.connection, site, {
        ...archive,
        includeDatabase: false,
        includeFiles: false,
      }),
    ).rejects.toMatchObject({ upstreamStatus: 400 });
    expect(await title()).toBe('Changed');
    expect(readFileSync(uploadFile, 'utf8')).toBe('changed upload');
  });
});
