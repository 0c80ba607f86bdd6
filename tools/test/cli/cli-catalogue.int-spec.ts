import { buildPluginVersion, buildVulnerability } from '@bbws/testing-factories';
import { CliSitesFixture, EXIT } from './cli-sites.fixture';

jest.setTimeout(60_000);

describe('bbws templates and plugins (the catalogues)', () => {
  let fx: CliSitesFixture;
  let token: string;

  beforeAll(async () => {
    fx = await CliSitesFixture.start();
    token = (await fx.tenantWithMember('VIEWER')).token;
  });
  afterAll(() => fx?.close());

  describe('templates', () => {
    it('lists the PUBLISHED templates matching --search as a table, as the API JSON, or as ids', async () => {
      const word = fx.uniqueWord('harbour');
      const first = await fx.template({ name: `${word} Business`, category: 'BUSINESS' });
      const second = await fx.template({ name: `${word} Blog`, category: 'BLOG' });
      await fx.template({ name: `${word} Draft`, status: 'DRAFT', publishedAt: null });

      const table = await fx.bbws(token, 'templates', 'list', '--search', word);
      expect(table.code).toBe(EXIT.OK);
      expect(table.stdout).toContain(`${word} Business`);
      expect(table.stdout).toContain(`${word} Blog`);
      expect(table.stdout).not.toContain('Draft');
      expect(table.stdout).toMatch(/templateId.*name.*category/);

      const json = await fx.json(token, 'templates', 'list', '--search', word);
      const api = await fx.apiGet(token, `/v1.0/templates?search=${word}`);
      expect(json).toEqual(api.items);
      expect(json.map((template: { templateId: string }) => template.templateId).sort()).toEqual(
        [first.templateId, second.templateId].sort(),
      );

      const quiet = await fx.bbws(token, '-q', 'templates', 'list', '--search', word, '--category', 'BLOG');
      expect(quiet).toMatchObject({ code: EXIT.OK, stdout: `${second.templateId}\n` });
    });

    it('stops at --limit across pages and reads every page with --all', async () => {
      const word = fx.uniqueWord('paged');
      for (let i = 0; i < 3; i += 1) await fx.template({ name: `${word} ${i}` });
      const limited = await fx.json(token, 'templates', 'list', '--search', word, '--limit', '2');
      expect(limited).toHaveLength(2);
      const all = await fx.json(token, 'templates', 'list', '--search', word, '--all');
      expect(all).toHaveLength(3);
    });

    it('shows one template, 4 for one that does not exist', async () => {
      const template = await fx.template({
        pages: [
          { title: 'Home', slug: 'home', content: '<p>Hi</p>' },
          { title: 'Contact', slug: 'contact', content: '<p>Call</p>' },
        ],
      });
      const shown = await fx.bbws(token, 'templates', 'get', template.templateId);
      expect(shown.code).toBe(EXIT.OK);
      expect(shown.stdout).toMatch(new RegExp(`^templateId +${template.templateId}$`, 'm'));
      expect(shown.stdout).toMatch(/^pages +Home, Contact$/m);
      expect(await fx.json(token, 'templates', 'get', template.templateId)).toEqual(
        await fx.apiGet(token, `/v1.0/templates/${template.templateId}`),
      );

      const missing = await fx.bbws(token, 'templates', 'get', 'tpl-00000000-0000-4000-8000-000000000000');
      expect(missing.code).toBe(EXIT.NOT_FOUND);
      expect(missing.stderr).toMatch(/^bbws: 404 /);
    });

    it('counts the PUBLISHED templates per category', async () => {
      await fx.template({ category: 'LANDING' });
      const categories = await fx.json(token, 'templates', 'categories');
      expect(categories).toEqual((await fx.apiGet(token, '/v1.0/templates/categories')).items);
      expect(categories).toEqual(
        expect.arrayContaining([{ category: 'LANDING', count: expect.any(Number) }]),
      );
      const table = await fx.bbws(token, 'templates', 'categories');
      expect(table.stdout).toMatch(/LANDING +│ +\d+/);
    });
  });

  describe('plugins', () => {
    it('lists approved plugins matching --search, leaving out blocklisted ones', async () => {
      const word = fx.uniqueWord('akismet');
      const listed = await fx.plugin({
        wpSlug: `${word}-anti-spam`,
        name: `${word} Anti-Spam`,
        category: 'SECURITY',
      });
      await fx.plugin({ wpSlug: `${word}-blocked`, isBlocklisted: true, blocklistReason: 'Malware' });

      const json = await fx.json(token, 'plugins', 'list', '--search', word);
      expect(json).toEqual((await fx.apiGet(token, `/v1.0/plugins?search=${word}`)).items);
      expect(json.map((plugin: { pluginId: string }) => plugin.pluginId)).toEqual([listed.pluginId]);

      const table = await fx.bbws(token, 'plugins', 'list', '--search', word, '--category', 'SECURITY');
      expect(table.stdout).toContain(`${word} Anti-Spam`);
      expect(table.stdout).toContain('SECURITY');
      const none = await fx.bbws(token, 'plugins', 'list', '--search', word, '--category', 'SEO');
      expect(none).toMatchObject({ code: EXIT.OK, stdout: '', stderr: '(none)\n' });
      expect((await fx.bbws(token, '-q', 'plugins', 'list', '--search', word)).stdout).toBe(
        `${listed.pluginId}\n`,
      );
    });

    it('shows a plugin with its versions, marking vulnerable ones; 4 for an unknown plugin', async () => {
      const plugin = await fx.plugin({
        versions: [
          buildPluginVersion('2.0.0'),
          buildPluginVersion('1.0.0', { vulnerabilities: [buildVulnerability({ fixedIn: '2.0.0' })] }),
        ],
      });
      const shown = await fx.bbws(token, 'plugins', 'get', plugin.pluginId);
      expect(shown.code).toBe(EXIT.OK);
      expect(shown.stdout).toMatch(/^versions +2\.0\.0, 1\.0\.0 \(vulnerable\)$/m);
      expect(shown.stdout).toMatch(/^latestVersion +2\.0\.0$/m);
      expect(await fx.json(token, 'plugins', 'get', plugin.pluginId)).toEqual(
        await fx.apiGet(token, `/v1.0/plugins/${plugin.pluginId}`),
      );
      const missing = await fx.bbws(token, 'plugins', 'get', 'plg-00000000-0000-4000-8000-000000000000');
      expect(missing.code).toBe(EXIT.NOT_FOUND);
    });
  });
});
