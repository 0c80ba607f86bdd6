import { request } from 'node:http';
import type { CataloguePlugin, CataloguePluginDao, Template, TemplateDao } from '@bbws/data-access-catalogue';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import { newId } from '@bbws/shared-util';
import { buildCataloguePlugin, buildPluginVersion } from '@bbws/testing-factories';
import {
  buildFixtureTheme,
  buildSettingsPlugin,
  FIXTURE_THEME,
  SETTINGS_PLUGIN,
  type FixturePackage,
} from '@bbws/testing-wordpress-fixtures';

/** GET through the ALB with the site's host (node:http: fetch cannot set Host). */
export function visit(albUrl: string, host: string, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, albUrl), { headers: { host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function upload(artifacts: ArtifactStore, prefix: string, pkg: FixturePackage) {
  const key = `packages/${prefix}/${pkg.sha256}.zip`;
  await artifacts.put(key, pkg.bytes);
  return { key, sha256: pkg.sha256, size: pkg.bytes.length };
}

export const TEMPLATE_HOME_TEXT = 'Welcome to the site-creation fixture.';
export const TEMPLATE_ABOUT_TEXT = 'About the fixture.';

/** A published template on the fixture theme (package in the artifact store) with a home and an about page. */
export async function seedTemplate(templates: TemplateDao, artifacts: ArtifactStore): Promise<Template> {
  const now = new Date().toISOString();
  const template: Template = {
    templateId: newId('tpl'),
    name: `Fixture ${newId('evt').slice(4, 12)}`,
    description: 'Two pages on the fixture theme',
    category: 'BUSINESS',
    templateVersion: '1.0.0',
    status: 'PUBLISHED',
    theme: {
      slug: FIXTURE_THEME,
      packageArtifact: await upload(artifacts, 'themes/fixture', buildFixtureTheme()),
    },
    plugins: [],
    options: { show_on_front: 'page', page_on_front: 'home', blogdescription: 'Built by the worker' },
    pages: [
      {
        slug: 'home',
        title: 'Home',
        content: `<!-- wp:paragraph --><p>${TEMPLATE_HOME_TEXT}</p><!-- /wp:paragraph -->`,
      },
      { slug: 'about', title: 'About us', content: `<p>${TEMPLATE_ABOUT_TEXT}</p>` },
    ],
    screenshots: [],
    demoUrl: null,
    minWordPressVersion: '6.0',
    usageCount: 0,
    clonedFromTemplateId: null,
    publishedAt: now,
    createdAt: now,
    createdBy: 'usr-admin',
    updatedAt: now,
    version: 1,
  };
  await templates.create(template);
  return template;
}

/** The settings fixture plugin 1.0.0 in the catalogue, its package in the artifact store. */
export async function seedSettingsPlugin(
  catalogue: CataloguePluginDao,
  artifacts: ArtifactStore,
): Promise<CataloguePlugin> {
  const pkg = buildSettingsPlugin('1.0.0');
  const plugin = buildCataloguePlugin({
    pluginFile: SETTINGS_PLUGIN,
    versions: [
      buildPluginVersion('1.0.0', { packageArtifact: await upload(artifacts, 'plugins/fixture', pkg) }),
    ],
  });
  await catalogue.create(plugin);
  return plugin;
}
