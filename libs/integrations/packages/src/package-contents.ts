import { HEADER_BYTES, readFileHeaders } from './file-headers';
import type { PluginPackageInfo, ThemePackageInfo } from './package-inspector.port';
import { PackageRejectedError } from './package-inspector.port';
import { pluginFileCandidates, singleTopFolder } from './package-layout';
import type { ZipArchive } from './zip-archive';

type PluginFields = Omit<PluginPackageInfo, 'key' | 'sha256' | 'size'>;
type ThemeFields = Omit<ThemePackageInfo, 'key' | 'sha256' | 'size'>;

const PLUGIN_HEADERS = [
  'Plugin Name',
  'Description',
  'Version',
  'Requires at least',
  'Requires PHP',
] as const;
const THEME_HEADERS = ['Theme Name', 'Version', 'Requires at least'] as const;

/** The plugin's main file: the first PHP file directly in the top folder with a `Plugin Name:` header. */
export async function readPluginContents(archive: ZipArchive): Promise<PluginFields> {
  const names = archive.names;
  const slug = singleTopFolder(names);
  for (const file of pluginFileCandidates(names, slug)) {
    const headers = readFileHeaders(await readHeaderText(archive, file), PLUGIN_HEADERS);
    const name = headers['Plugin Name'];
    if (!name) continue;
    return {
      slug,
      pluginFile: file.slice(0, -'.php'.length),
      name,
      description: headers.Description,
      version: headers.Version,
      requiresAtLeast: headers['Requires at least'],
      requiresPhp: headers['Requires PHP'],
    };
  }
  throw new PackageRejectedError(
    'NO_PLUGIN_HEADER',
    `No PHP file directly in "${slug}/" carries a "Plugin Name:" header`,
    { slug },
  );
}

/** The theme's `{folder}/style.css` with a `Theme Name:` header. */
export async function readThemeContents(archive: ZipArchive): Promise<ThemeFields> {
  const names = archive.names;
  const stylesheet = singleTopFolder(names);
  const styleFile = `${stylesheet}/style.css`;
  const headers = names.includes(styleFile)
    ? readFileHeaders(await readHeaderText(archive, styleFile), THEME_HEADERS)
    : undefined;
  const name = headers?.['Theme Name'];
  if (!headers || !name)
    throw new PackageRejectedError(
      'NO_THEME_HEADER',
      `"${styleFile}" is missing or carries no "Theme Name:" header`,
      { stylesheet },
    );
  return { stylesheet, name, version: headers.Version, requiresAtLeast: headers['Requires at least'] };
}

async function readHeaderText(archive: ZipArchive, name: string): Promise<string> {
  return (await archive.readHead(name, HEADER_BYTES)).toString('utf8');
}
