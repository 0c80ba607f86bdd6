import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import {
  AlreadyExistsError,
  ItemMissingError,
  ValidationError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { isolatedDynamoContext } from '@bbws/testing-factories';
import type { Template } from './catalogue.entity';
import { TemplateDao } from './template.dao';
import { TemplateInUseError } from './template.errors';
import { templateKeys } from './template.keys';

/** Templates share one partition, so each suite gets a sites table of its own (lists and counts are exact). */
const isolatedContext = () => isolatedDynamoContext('sites', 'templates');

function buildTemplate(overrides: Partial<Template> = {}): Template {
  const now = new Date().toISOString();
  return {
    templateId: newId('tpl'),
    name: 'Agency',
    description: 'A business site',
    category: 'BUSINESS',
    templateVersion: '1.0.0',
    status: 'DRAFT',
    theme: { slug: 'twentytwentythree', packageArtifact: null },
    plugins: [],
    options: { blogdescription: 'Hello', posts_per_page: 5, blog_public: true },
    pages: [{ title: 'Home', slug: 'home', content: '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->' }],
    screenshots: [],
    demoUrl: null,
    minWordPressVersion: '6.1',
    usageCount: 0,
    clonedFromTemplateId: null,
    publishedAt: null,
    createdAt: now,
    createdBy: 'admin',
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

let db: DynamoContext;
let dao: TemplateDao;

beforeAll(async () => {
  db = await isolatedContext();
  dao = new TemplateDao(db);
});

async function raw(templateId: string) {
  const key = templateKeys.template(templateId);
  return (await db.client.send(new GetCommand({ TableName: db.tables.sites, Key: key }))).Item;
}

describe('TemplateDao against DynamoDB Local', () => {
  it('stores a template with its index keys and search text, and reads it back', async () => {
    const template = buildTemplate({ name: 'Bold  Agency', description: 'For STUDIOS' });
    await dao.create(template);
    expect(await dao.get(template.templateId)).toEqual(template);
    expect(await raw(template.templateId)).toMatchObject({
      PK: 'CATALOG#TEMPLATE',
      SK: `TEMPLATE#${template.templateId}`,
      entityType: 'TEMPLATE',
      schemaVersion: 1,
      GSI1PK: 'TEMPLATES#DRAFT#BUSINESS',
      GSI1SK: `bold agency#${template.templateId}`,
      GSI2PK: 'TEMPLATES#DRAFT',
      GSI2SK: `bold agency#${template.templateId}`,
      searchText: 'bold  agency\nfor studios',
    });
    expect(await dao.get(newId('tpl'))).toBeNull();
    await expect(dao.create(template)).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it('replaces a template at the expected version, moving its index keys, and refuses a stale version', async () => {
    const template = buildTemplate();
    await dao.create(template);
    await dao.adjustUsage(template.templateId, 2);
    const replaced = await dao.replace(
      { ...template, status: 'PUBLISHED', category: 'BLOG', name: 'Journal', usageCount: 0 },
      1,
    );
    expect(replaced).toMatchObject({ status: 'PUBLISHED', category: 'BLOG', name: 'Journal', version: 2 });
    // The usage counter is the site workers': a replace never writes it.
    expect(replaced.usageCount).toBe(2);
    expect(await raw(template.templateId)).toMatchObject({
      GSI1PK: 'TEMPLATES#PUBLISHED#BLOG',
      GSI2PK: 'TEMPLATES#PUBLISHED',
      GSI2SK: `journal#${template.templateId}`,
    });
    await expect(dao.replace({ ...template, name: 'Stale' }, 1)).rejects.toEqual(
      new VersionConflictError(1, 2),
    );
    expect((await dao.get(template.templateId))?.name).toBe('Journal');
    await expect(dao.replace(buildTemplate(), 1)).rejects.toBeInstanceOf(ItemMissingError);
  });

  it('deletes only an unused template at the expected version', async () => {
    const template = buildTemplate();
    await dao.create(template);
    await dao.adjustUsage(template.templateId, 1);
    await expect(dao.delete(template.templateId, 1)).rejects.toEqual(
      expect.objectContaining({ constructor: TemplateInUseError, usageCount: 1 }),
    );
    await expect(dao.delete(template.templateId, 7)).rejects.toEqual(new VersionConflictError(7, 1));
    await dao.adjustUsage(template.templateId, -1);
    await dao.delete(template.templateId, 1);
    expect(await raw(template.templateId)).toBeUndefined();
    await expect(dao.delete(template.templateId, 1)).rejects.toBeInstanceOf(ItemMissingError);
  });

  it('adjusts the usage count atomically, never below zero, without bumping the version', async () => {
    const template = buildTemplate();
    await dao.create(template);
    await Promise.all(Array.from({ length: 8 }, () => dao.adjustUsage(template.templateId, 1)));
    expect(await dao.adjustUsage(template.templateId, -3)).toBe(5);
    expect(await dao.adjustUsage(template.templateId, -9)).toBe(0);
    expect(await dao.get(template.templateId)).toMatchObject({ usageCount: 0, version: 1 });
    await expect(dao.adjustUsage(newId('tpl'), 1)).rejects.toBeInstanceOf(ItemMissingError);
    await expect(dao.adjustUsage(newId('tpl'), -1)).rejects.toBeInstanceOf(ItemMissingError);
  });

  describe('listByStatus', () => {
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
    beforeAll(async () => {
      for (const [index, name] of names.entries())
        await dao.create(
          buildTemplate({
            name: `List ${name}`,
            description: index % 2 ? 'with a SHOP' : 'plain',
            status: 'ARCHIVED',
            category: index < 3 ? 'PORTFOLIO' : 'LANDING',
          }),
        );
      await dao.create(buildTemplate({ name: 'List foxtrot', status: 'DRAFT', category: 'PORTFOLIO' }));
    });

    const namesOf = (templates: Template[]) => templates.map((template) => template.name);

    it('pages through one status by name, case-insensitively, ending without an empty page', async () => {
      const first = await dao.listByStatus({ status: 'ARCHIVED', pageSize: 2 });
      expect(namesOf(first.items)).toEqual(['List Alpha', 'List Bravo']);
      const second = await dao.listByStatus({ status: 'ARCHIVED', pageSize: 2, startAt: first.nextStartAt! });
      expect(namesOf(second.items)).toEqual(['List charlie', 'List delta']);
      const third = await dao.listByStatus({ status: 'ARCHIVED', pageSize: 2, startAt: second.nextStartAt! });
      expect(namesOf(third.items)).toEqual(['List echo']);
      expect(third.nextStartAt).toBeNull();
    });

    it('filters by category', async () => {
      const page = await dao.listByStatus({ status: 'ARCHIVED', category: 'LANDING', pageSize: 10 });
      expect(namesOf(page.items)).toEqual(['List Bravo', 'List echo']);
      expect(page.nextStartAt).toBeNull();
    });

    it('searches name and description case-insensitively, filling full pages', async () => {
      const first = await dao.listByStatus({ status: 'ARCHIVED', search: 'shop', pageSize: 1 });
      expect(namesOf(first.items)).toEqual(['List Alpha']);
      const second = await dao.listByStatus({
        status: 'ARCHIVED',
        search: 'shop',
        pageSize: 1,
        startAt: first.nextStartAt!,
      });
      expect(namesOf(second.items)).toEqual(['List Bravo']);
      expect(second.nextStartAt).toBeNull();
      const byName = await dao.listByStatus({ status: 'ARCHIVED', search: 'CHAR', pageSize: 5 });
      expect(namesOf(byName.items)).toEqual(['List charlie']);
    });

    it("refuses another list's cursor", async () => {
      const first = await dao.listByStatus({ status: 'ARCHIVED', pageSize: 1 });
      await expect(
        dao.listByStatus({ status: 'ARCHIVED', search: 'shop', pageSize: 1, startAt: first.nextStartAt! }),
      ).rejects.toBeInstanceOf(ValidationError);
    });
  });

  it('counts PUBLISHED templates in every category', async () => {
    const own = await isolatedContext();
    const counting = new TemplateDao(own);
    await counting.create(buildTemplate({ status: 'PUBLISHED', category: 'BLOG' }));
    await counting.create(buildTemplate({ status: 'PUBLISHED', category: 'BLOG' }));
    await counting.create(buildTemplate({ status: 'PUBLISHED', category: 'OTHER' }));
    await counting.create(buildTemplate({ status: 'DRAFT', category: 'BLOG' }));
    expect(await counting.countPublishedByCategory()).toEqual([
      { category: 'BUSINESS', count: 0 },
      { category: 'PORTFOLIO', count: 0 },
      { category: 'BLOG', count: 2 },
      { category: 'ECOMMERCE', count: 0 },
      { category: 'LANDING', count: 0 },
      { category: 'OTHER', count: 1 },
    ]);
  });
});
