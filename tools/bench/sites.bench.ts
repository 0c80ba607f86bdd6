import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchSection } from './bench-section';
import { platformRss, targetFigure, targetRow, withLocalPlatform } from './local-platform.session';

const TARGETS = { creationMs: 20_000, pluginInstallMs: 8_000, backupRestoreMs: 20_000 };
const POSTS = 200;

/**
 * Sites on the local platform (`npm start`, fixed ports): a DEV instance, then a site from the Harbour
 * Business template 202 → ACTIVE, a plugin install 202 → COMPLETED, and a backup plus a restore of a
 * site holding 200 published posts (deleted in between: the restore must bring them all back). Times are
 * wall-clock through the public API; the whole platform's RSS is read idle after ready and after the work.
 */
export function runSitesBench(context: { repoRoot: string }): Promise<BenchSection> {
  return withLocalPlatform(context.repoRoot, 'sites', async ({ dataDir, call, timed, idleRss, rss }) => {
    const tenant = await call('POST', '/tenants', {
      organizationName: 'Bench Sites',
      contactEmail: 's@bench.example',
    });
    const t = tenant.tenantId;
    await timed('POST', `/tenants/${t}/instances`, { environment: 'DEV' });
    const [instance] = (await call('GET', `/tenants/${t}/instances`)).items;
    const templates = (await call('GET', '/templates?pageSize=100')).items;
    const plugins = (await call('GET', '/plugins?pageSize=100')).items;
    const harbour = templates.find((template: any) => template.name === 'Harbour Business');
    const meta = plugins.find((plugin: any) => plugin.wpSlug === 'bbws-meta-description');

    const creation = await timed('POST', `/tenants/${t}/sites`, {
      siteName: 'Bench Bakery',
      subdomain: 'bench-bakery',
      templateId: harbour.templateId,
    });
    const site = `/tenants/${t}/sites/${creation.result.siteId}`;
    const install = await timed('POST', `${site}/plugins`, { pluginId: meta.pluginId });

    const { wpSiteId } = await call('GET', site);
    const database = await databaseOf(dataDir, instance.slug);
    database(insertPosts(wpSiteId));
    const backup = await timed('POST', `${site}/backups`, {});
    database(`DELETE FROM wp_${wpSiteId}_posts WHERE post_title LIKE 'Bench post %'`);
    const restore = await timed('POST', `${site}/backups/${backup.result.backupId}/restore`);
    const restored = database(
      `SELECT COUNT(*) FROM wp_${wpSiteId}_posts WHERE post_title LIKE 'Bench post %'`,
    );
    if (Number(restored) !== POSTS)
      throw new Error(`the restore brought back ${restored} posts, not ${POSTS}`);
    const platform = platformRss('sites', 'a site, a plugin, a backup and a restore', idleRss, await rss());
    return {
      name: 'sites',
      title: 'Sites on the local platform (npm start)',
      table: [
        targetRow('site from a template, 202 -> ACTIVE', creation.ms, TARGETS.creationMs),
        targetRow('plugin install, 202 -> COMPLETED', install.ms, TARGETS.pluginInstallMs),
        targetRow(`backup + restore, ${POSTS} posts`, backup.ms + restore.ms, TARGETS.backupRestoreMs),
        `  (backup ${(backup.ms / 1000).toFixed(1)} s, restore ${(restore.ms / 1000).toFixed(1)} s)`,
        '',
        ...platform.lines,
      ].join('\n'),
      figures: [
        targetFigure(
          'sites.creation',
          'site from a template, 202 -> ACTIVE',
          creation.ms,
          TARGETS.creationMs,
        ),
        targetFigure(
          'sites.plugin-install',
          'plugin install, 202 -> COMPLETED',
          install.ms,
          TARGETS.pluginInstallMs,
        ),
        targetFigure(
          'sites.backup-restore',
          `backup + restore of ${POSTS} posts`,
          backup.ms + restore.ms,
          TARGETS.backupRestoreMs,
        ),
        ...platform.figures,
      ],
      notes: [
        'Wall-clock seconds through the public API on the local platform (real WordPress and MariaDB); the restore ' +
          `is verified (all ${POSTS} posts back). Absolute times: goals, not compared with the baseline.`,
      ],
    };
  });
}

/** Runs SQL on the instance's database over its own account (the secrets file of the local runtime). */
async function databaseOf(dataDir: string, slug: string): Promise<(sql: string) => string> {
  const secretsDir = path.join(dataDir, 'secrets', 'instances', 'dev', slug);
  const [file] = (await readdir(secretsDir)).filter((name) => name.endsWith('.json'));
  const { databasePassword } = JSON.parse(await readFile(path.join(secretsDir, file), 'utf8'));
  return (sql) => {
    const result = spawnSync(
      'mariadb',
      [
        '-h',
        '127.0.0.1',
        '-P',
        '3307',
        '-u',
        `${slug}_dev`,
        `-p${databasePassword}`,
        '-N',
        `${slug}_dev_db`,
        '-e',
        sql,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`SQL failed: ${result.stderr}`);
    return result.stdout.trim();
  };
}

/** 200 published posts straight into the site's table. */
function insertPosts(blogId: number): string {
  return (
    `INSERT INTO wp_${blogId}_posts (post_author, post_date, post_date_gmt, post_content, post_title, ` +
    'post_excerpt, post_status, comment_status, ping_status, post_name, to_ping, pinged, post_modified, ' +
    'post_modified_gmt, post_content_filtered, post_type) ' +
    "SELECT 1, NOW(), UTC_TIMESTAMP(), CONCAT('<p>Bench post body ', seq, '</p>'), CONCAT('Bench post ', seq), " +
    "'', 'publish', 'open', 'open', CONCAT('bench-post-', seq), '', '', NOW(), UTC_TIMESTAMP(), '', 'post' " +
    `FROM seq_1_to_${POSTS}`
  );
}
