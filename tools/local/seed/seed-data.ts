import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageSource } from './seed-packages';

/** A plugin of the seeded catalogue (`plugins.json`). */
export interface SeedPlugin {
  wpSlug: string;
  name: string;
  description: string;
  category: string;
  pricing: string;
  packages: PackageSource[];
  /** wpSlugs of other seeded plugins. */
  conflictsWith?: string[];
}

/** A template of the seeded catalogue (`templates.json`), built on a theme every local instance has. */
export interface SeedTemplate {
  name: string;
  description: string;
  category: string;
  templateVersion: string;
  theme: string;
  /** wpSlugs of seeded plugins. */
  plugins: string[];
  options: Record<string, string | number | boolean>;
  pages: Array<{ title: string; slug: string; content: string }>;
  /** The theme's own screenshot (the Debian package's). */
  screenshot: string;
}

export interface SeedData {
  plugins: SeedPlugin[];
  templates: SeedTemplate[];
  /** A Wordfence Intelligence v2 vulnerability feed. */
  vulnerabilityFeed: Record<string, unknown>;
  /** The folder the data files live in (relative package folders resolve against it). */
  directory: string;
}

const THEMES_DIR = '/usr/share/wordpress/wp-content/themes';

/** The seed data folder in the source tree (data files are not compiled to dist/). */
export function seedDataDir(repositoryRoot: string): string {
  return path.join(repositoryRoot, 'tools', 'local', 'seed');
}

export async function loadSeedData(directory: string): Promise<SeedData> {
  const json = async <T>(file: string): Promise<T> =>
    JSON.parse(await readFile(path.join(directory, file), 'utf8')) as T;
  type TemplateFile = Omit<SeedTemplate, 'pages' | 'screenshot'> & {
    pages: Array<{ title: string; slug: string; file: string }>;
  };
  const templates = await Promise.all(
    (await json<TemplateFile[]>('templates.json')).map(async (template) => ({
      ...template,
      pages: await Promise.all(
        template.pages.map(async ({ title, slug, file }) => ({
          title,
          slug,
          content: (await readFile(path.join(directory, file), 'utf8')).trim(),
        })),
      ),
      screenshot: path.join(THEMES_DIR, template.theme, 'screenshot.png'),
    })),
  );
  return {
    plugins: await json<SeedPlugin[]>('plugins.json'),
    templates,
    vulnerabilityFeed: await json<Record<string, unknown>>('vulnerabilities.wordfence.json'),
    directory,
  };
}
