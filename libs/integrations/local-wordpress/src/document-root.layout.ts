import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './command.util';
import { DEBIAN_WORDPRESS_CORE, SYSTEM_PATH, wordpressImagePaths } from './runtime.paths';

export interface DocumentRootOptions {
  docRoot: string;
  /** WordPress core to copy from (the Debian package's by default). */
  coreDir?: string;
  /** The env-driven wp-config.php (docker/wordpress/install/wp-config.php by default). */
  configTemplate?: string;
}

export interface DocumentRootLayout {
  docRoot: string;
  /** 'hardlink' when core shares the package's files, 'copy' across filesystems, 'kept' when already current. */
  core: 'hardlink' | 'copy' | 'kept';
}

// Only for Apache; never copied.
const CORE_EXCLUDES = new Set(['wp-content', 'wp-config.php', '.htaccess']);
const CONTENT_DIRS = ['themes', 'plugins', 'mu-plugins', 'uploads', 'upgrade'];

/**
 * Lays out an instance's document root: WordPress core as hard links to the package's files (symlinks
 * would make PHP resolve __DIR__ into the package and load its wp-config.php), our wp-config.php, and a
 * wp-content/ of its own with the packaged themes and plugins copied in. Idempotent; core is relinked
 * when the package was upgraded, wp-content is never overwritten.
 */
export async function layoutDocumentRoot(options: DocumentRootOptions): Promise<DocumentRootLayout> {
  const coreDir = options.coreDir ?? DEBIAN_WORDPRESS_CORE;
  const docRoot = options.docRoot;
  await mkdir(docRoot, { recursive: true });

  const core = (await coreIsCurrent(coreDir, docRoot)) ? 'kept' : await linkCore(coreDir, docRoot);
  await copyFile(
    options.configTemplate ?? wordpressImagePaths().configTemplate,
    join(docRoot, 'wp-config.php'),
  );

  const content = join(docRoot, 'wp-content');
  for (const dir of CONTENT_DIRS) await mkdir(join(content, dir), { recursive: true });
  for (const kind of ['themes', 'plugins']) {
    const packaged = join(coreDir, 'wp-content', kind);
    if (!existsSync(packaged)) continue;
    const missing = (await readdir(packaged)).filter((entry) => !existsSync(join(content, kind, entry)));
    if (missing.length > 0)
      await copyTree(
        missing.map((entry) => join(packaged, entry)),
        join(content, kind),
        false,
      );
  }
  return { docRoot, core };
}

async function coreIsCurrent(coreDir: string, docRoot: string): Promise<boolean> {
  const version = join('wp-includes', 'version.php');
  try {
    const [packaged, laidOut] = await Promise.all([
      readFile(join(coreDir, version), 'utf8'),
      readFile(join(docRoot, version), 'utf8'),
    ]);
    return packaged === laidOut;
  } catch {
    return false;
  }
}

async function linkCore(coreDir: string, docRoot: string): Promise<'hardlink' | 'copy'> {
  const entries = (await readdir(coreDir)).filter((entry) => !CORE_EXCLUDES.has(entry));
  await Promise.all(entries.map((entry) => rm(join(docRoot, entry), { recursive: true, force: true })));
  return copyTree(
    entries.map((entry) => join(coreDir, entry)),
    docRoot,
    true,
  );
}

/**
 * cp with symlinks dereferenced (the package links some libraries relatively, e.g. wp-includes/ID3 into
 * /usr/share/php, which would dangle elsewhere); hard links when asked and possible, else a real copy.
 */
async function copyTree(
  sources: string[],
  destination: string,
  hardLink: boolean,
): Promise<'hardlink' | 'copy'> {
  const env = { PATH: SYSTEM_PATH };
  if (hardLink) {
    const linked = await runCommand('cp', ['-a', '-l', '-L', ...sources, `${destination}/`], { env });
    if (linked.code === 0) return 'hardlink';
  }
  // --remove-destination: never write through an existing hard link into the package's files.
  const copied = await runCommand('cp', ['-a', '-L', '--remove-destination', ...sources, `${destination}/`], {
    env,
  });
  if (copied.code !== 0) {
    throw new Error(`copying ${sources.length} entries into ${destination} failed: ${copied.stderr.trim()}`);
  }
  return 'copy';
}
