import { readFile } from 'node:fs/promises';
import type { SeedApiClient, SeedTarget } from './seed-api.client';
import type { SeedData, SeedTemplate } from './seed-data';

interface CatalogueTemplate {
  templateId: string;
  name: string;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
}

export interface TemplatesSeeded {
  created: string[];
  published: string[];
}

/**
 * Creates the seeded templates that are missing (by name) with their theme's screenshot, and
 * publishes those still in DRAFT (a template archived by an admin stays archived).
 */
export async function seedTemplates(
  api: SeedApiClient,
  target: SeedTarget,
  data: SeedData,
  pluginIds: ReadonlyMap<string, string>,
): Promise<TemplatesSeeded> {
  const admin = `${target.templatesApi}/admin/templates`;
  const existing = new Map(
    (await api.listAll<CatalogueTemplate>(admin)).map((template) => [template.name, template]),
  );
  const result: TemplatesSeeded = { created: [], published: [] };
  for (const seed of data.templates) {
    let template = existing.get(seed.name);
    if (!template) {
      const screenshot = await readFile(seed.screenshot);
      const uploadId = await api.upload(`${admin}/uploads`, 'SCREENSHOT', 'image/png', screenshot);
      template = await api.call<CatalogueTemplate>('POST', admin, 201, {
        ...creation(seed, pluginIds),
        screenshotUploadIds: [uploadId],
      });
      result.created.push(seed.name);
    }
    if (template.status === 'DRAFT') {
      await api.call('POST', `${admin}/${template.templateId}/publish`, 200);
      result.published.push(seed.name);
    }
  }
  return result;
}

function creation(seed: SeedTemplate, pluginIds: ReadonlyMap<string, string>) {
  return {
    name: seed.name,
    description: seed.description,
    category: seed.category,
    templateVersion: seed.templateVersion,
    theme: { slug: seed.theme },
    plugins: seed.plugins.map((slug) => {
      const id = pluginIds.get(slug);
      if (!id) throw new Error(`template ${seed.name} uses ${slug}, which is not a seeded plugin`);
      return id;
    }),
    options: seed.options,
    pages: seed.pages,
  };
}
