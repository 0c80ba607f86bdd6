import { PackageRejectedError } from './package-inspector.port';

/**
 * The package's one top folder, as core installs it: every entry lives under the same folder and
 * no file sits next to it. Otherwise `NO_SINGLE_TOP_FOLDER` with what was found.
 */
export function singleTopFolder(names: readonly string[]): string {
  const topLevel = new Set<string>();
  let rootFile = false;
  for (const name of names) {
    const slash = name.indexOf('/');
    if (slash === -1) rootFile = true;
    topLevel.add(slash === -1 ? name : name.slice(0, slash));
  }
  const [folder] = topLevel;
  if (topLevel.size !== 1 || rootFile || !folder)
    throw new PackageRejectedError(
      'NO_SINGLE_TOP_FOLDER',
      'The package must hold exactly one top folder (its slug) and nothing next to it',
      { topLevel: [...topLevel].slice(0, 10) },
    );
  return folder;
}

/**
 * The PHP files directly in the plugin folder, where core looks for the plugin header:
 * `{folder}/{folder}.php` first (the usual main file), then the others by name.
 */
export function pluginFileCandidates(names: readonly string[], folder: string): string[] {
  const conventional = `${folder}/${folder}.php`;
  const direct = names.filter(
    (name) =>
      name.startsWith(`${folder}/`) && name.endsWith('.php') && !name.slice(folder.length + 1).includes('/'),
  );
  const others = direct.filter((name) => name !== conventional).sort();
  return direct.includes(conventional) ? [conventional, ...others] : others;
}
