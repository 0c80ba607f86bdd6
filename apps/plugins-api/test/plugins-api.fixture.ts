import { createHash, randomUUID } from 'node:crypto';
import { CataloguePluginDao, type CataloguePlugin } from '@bbws/data-access-catalogue';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import {
  newTestUser,
  startTestApi,
  uploadThroughSlot,
  type TestApi,
  type TestResponse,
  type TestUser,
} from '@bbws/testing-e2e';
import { TestClock, isolatedDynamoContext } from '@bbws/testing-factories';
import { AppModule } from '../src/app.module';
import { loadPluginsApiConfig } from '../src/config/plugins-api.config';
import { PLUGINS_API_DESCRIPTION } from '../src/openapi';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A fresh wpSlug (plugin folder name). */
export function uniqueSlug(prefix = 'plugin'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The plugins API in-process against a sites table of its own (the catalogue is one partition, so
 * lists are exact) and the run's local S3 server, with a platform admin and a customer.
 */
export class PluginsFixture {
  readonly plugins: CataloguePluginDao;

  private constructor(
    readonly api: TestApi,
    readonly db: DynamoContext,
    readonly admin: TestUser,
    readonly customer: TestUser,
    readonly store: S3ArtifactStore,
  ) {
    this.plugins = new CataloguePluginDao(db);
  }

  static async start(): Promise<PluginsFixture> {
    const clock = TestClock.running();
    const db = await isolatedDynamoContext('sites', 'plugins-e2e', clock);
    const tables = db.tables;
    const config = loadPluginsApiConfig({
      ...process.env,
      TABLE_SITES: tables.sites,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
    });
    const api = await startTestApi(AppModule.register({ config, clock }), PLUGINS_API_DESCRIPTION);
    return new PluginsFixture(
      api,
      db,
      await newTestUser({ platformAdmin: true, name: 'Platform Admin' }),
      await newTestUser({ name: 'Customer' }),
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

  /** POST /admin/plugins as the platform admin; expects the 201. */
  async register(overrides: Record<string, unknown> = {}): Promise<CataloguePlugin & { _links: any }> {
    const body = {
      wpSlug: uniqueSlug(),
      name: `Plugin ${randomUUID().slice(0, 8)}`,
      category: 'SEO',
      pricing: 'FREE',
      ...overrides,
    };
    const response = await this.call('POST', '/v1.0/admin/plugins', this.admin.token, body);
    if (response.status !== 201)
      throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** An upload slot and the real PUT of `bytes` to the local S3 server through its presigned URL. */
  upload(bytes: Buffer, contentType = 'application/zip', kind = 'PLUGIN_PACKAGE'): Promise<string> {
    return uploadThroughSlot(
      this.api,
      this.admin.token,
      '/v1.0/admin/plugins/uploads',
      { kind, contentType },
      bytes,
    );
  }

  /** Whether the artifact store holds `key`. */
  async exists(key: string): Promise<boolean> {
    return (await this.store.head(key)) !== undefined;
  }

  /** Keys stored under a prefix (a plugin's packages of one version: `packages/plugins/{slug}/{version}/`). */
  async keysUnder(prefix: string): Promise<string[]> {
    return (await this.store.list(prefix)).items.map((item) => item.key);
  }

  async stored(pluginId: string): Promise<CataloguePlugin> {
    const plugin = await this.plugins.get(pluginId);
    if (!plugin) throw new Error(`no plugin ${pluginId}`);
    return plugin;
  }
}
