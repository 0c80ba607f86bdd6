import { createHash, randomUUID } from 'node:crypto';
import {
  CataloguePluginDao,
  TemplateDao,
  type CataloguePlugin,
  type Template,
} from '@bbws/data-access-catalogue';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import {
  newTestUser,
  startTestApi,
  uploadThroughSlot,
  type TestApi,
  type TestResponse,
  type TestUser,
} from '@bbws/testing-e2e';
import { TestClock, buildCataloguePlugin, isolatedDynamoContext } from '@bbws/testing-factories';
import { AppModule } from '../src/app.module';
import { loadTemplatesApiConfig } from '../src/config/templates-api.config';
import { TEMPLATES_API_DESCRIPTION } from '../src/openapi';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const PNG_BYTES = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from(randomUUID()),
]);

/** A body the create route accepts (a core theme, one page). */
export function templateBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `Agency ${randomUUID().slice(0, 8)}`,
    description: 'A clean one-page site for agencies',
    category: 'BUSINESS',
    theme: { slug: 'twentytwentythree' },
    options: {
      blogdescription: 'Design studio',
      show_on_front: 'page',
      page_on_front: 'home',
      blog_public: true,
    },
    pages: [
      { title: 'Home', slug: 'home', content: '<!-- wp:paragraph --><p>Welcome</p><!-- /wp:paragraph -->' },
    ],
    ...overrides,
  };
}

/**
 * The templates API in-process against a sites table of its own (templates share one partition, so
 * lists and category counts are exact) and the run's local S3 server.
 */
export class TemplatesFixture {
  private constructor(
    readonly api: TestApi,
    readonly admin: TestUser,
    readonly customer: TestUser,
    readonly templates: TemplateDao,
    readonly plugins: CataloguePluginDao,
    readonly store: S3ArtifactStore,
  ) {}

  static async start(): Promise<TemplatesFixture> {
    const clock = TestClock.running();
    const isolated = await isolatedDynamoContext('sites', 'templates-e2e', clock);
    const sitesTable = isolated.tables.sites;
    const config = loadTemplatesApiConfig({
      ...process.env,
      TABLE_SITES: sitesTable,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
    });
    const api = await startTestApi(AppModule.register({ config, clock }), TEMPLATES_API_DESCRIPTION);
    return new TemplatesFixture(
      api,
      await newTestUser({ platformAdmin: true, name: 'Platform Admin' }),
      await newTestUser({ name: 'Customer' }),
      new TemplateDao(isolated),
      new CataloguePluginDao(isolated),
      new S3ArtifactStore(config.artifacts),
    );
  }

  close(): Promise<void> {
    return this.api.close();
  }

  call<T = any>(
    method: Method,
    url: string,
    token: string | undefined = this.admin.token,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>> {
    return this.api.request({ method, url, token, body, headers });
  }

  /** POST /admin/templates as the platform admin; expects the 201. */
  async create(overrides: Record<string, unknown> = {}): Promise<Template & { _links: any }> {
    const response = await this.call(
      'POST',
      '/v1.0/admin/templates',
      this.admin.token,
      templateBody(overrides),
    );
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Created and published. */
  async published(overrides: Record<string, unknown> = {}): Promise<Template> {
    const created = await this.create(overrides);
    const response = await this.call('POST', `/v1.0/admin/templates/${created.templateId}/publish`);
    if (response.status !== 200)
      throw new Error(`publish failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** An upload slot and the real PUT of `bytes` to the local S3 server through its presigned URL. */
  upload(kind: 'THEME_PACKAGE' | 'SCREENSHOT', contentType: string, bytes: Buffer): Promise<string> {
    return uploadThroughSlot(
      this.api,
      this.admin.token,
      '/v1.0/admin/templates/uploads',
      { kind, contentType },
      bytes,
    );
  }

  /** A plugin stored in the catalogue (the plugins API is another service). */
  async catalogPlugin(): Promise<CataloguePlugin> {
    const plugin = buildCataloguePlugin({ category: 'OTHER', versions: [], createdBy: this.admin.userId });
    await this.plugins.create(plugin);
    return plugin;
  }

  /** The keys stored under a prefix of the artifact store. */
  async keysUnder(prefix: string): Promise<string[]> {
    return (await this.store.list(prefix)).items.map((item) => item.key);
  }
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
