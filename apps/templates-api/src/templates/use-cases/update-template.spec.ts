import type { Template, TemplateDao } from '@bbws/data-access-catalogue';
import { VersionConflictError } from '@bbws/shared-errors';
import { buildCaller, fakePort } from '@bbws/testing-factories';
import type { TemplateArtifacts } from './template-artifacts';
import type { TemplateContentCheck } from './template-content-check';
import { UpdateTemplate } from './update-template';

const published: Template = {
  templateId: 'tpl-1',
  name: 'Agency',
  description: '',
  category: 'BUSINESS',
  templateVersion: '1.0.0',
  status: 'PUBLISHED',
  theme: { slug: 'twentytwentythree', packageArtifact: null },
  plugins: [],
  options: {},
  pages: [{ title: 'Home', slug: 'home', content: 'old' }],
  screenshots: [],
  demoUrl: null,
  minWordPressVersion: '6.1',
  usageCount: 0,
  clonedFromTemplateId: null,
  publishedAt: '2026-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 4,
};

function setup(read: Template = published) {
  const stored: string[] = [];
  const replaced: Array<{ template: Template; expectedVersion: number }> = [];
  const templates = fakePort<Pick<TemplateDao, 'get' | 'replace'>>({
    get: async () => read,
    replace: async (template, expectedVersion) => {
      replaced.push({ template, expectedVersion });
      if (expectedVersion !== published.version)
        throw new VersionConflictError(expectedVersion, published.version);
      return { ...template, version: expectedVersion + 1 };
    },
  });
  const content = fakePort<Pick<TemplateContentCheck, 'check'>>({ check: async () => undefined });
  const artifacts = fakePort<Pick<TemplateArtifacts, 'prepare'>>({
    prepare: async () => ({
      store: async () => {
        stored.push('stored');
      },
      discard: async () => undefined,
    }),
  });
  return { update: new UpdateTemplate(templates, content, artifacts), stored, replaced };
}

const admin = buildCaller({ isPlatformAdmin: true });
const request = { caller: admin, templateId: 'tpl-1' };
const pages = [{ title: 'Home', slug: 'home', content: 'new' }];

describe('UpdateTemplate', () => {
  it('refuses a content change of a PUBLISHED template without a higher version before keeping anything', async () => {
    const { update, stored, replaced } = setup();
    await expect(update.update(request, { pages })).rejects.toMatchObject({
      code: 'TEMPLATE_VERSION_NOT_INCREASED',
    });
    expect(stored).toEqual([]);
    expect(replaced).toEqual([]);
  });

  it('writes at the version read, or answers 412 / 409 when the template moved meanwhile', async () => {
    const { update, replaced } = setup();
    const saved = await update.update(request, { pages, templateVersion: '1.1.0' });
    expect(saved).toMatchObject({ templateVersion: '1.1.0', pages, version: 5 });
    expect(replaced[0].expectedVersion).toBe(4);
    await expect(update.update({ ...request, ifMatch: 3 }, { name: 'x' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    // Read at version 3, stored at 4 by then: no If-Match, so a 409 to read again.
    const raced = setup({ ...published, version: 3 });
    await expect(raced.update.update(request, { name: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { currentVersion: 4 },
    });
  });

  it('is for platform admins only', async () => {
    const { update } = setup();
    await expect(update.update({ ...request, caller: buildCaller() }, { name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
