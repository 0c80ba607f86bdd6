import type { DynamicModule } from '@nestjs/common';
import { loadConfig } from '@bbws/shared-config';
import { createApp, listen, type AppDescription } from './create-app';
import { buildOpenApiDocument } from './openapi';
import { platformEnvSchema, type PlatformConfig } from './platform-config';

export interface ApiEntry<C extends PlatformConfig> {
  service: string;
  defaultPort: number;
  description: AppDescription;
  /** The app's own validated config; by default the platform's. */
  loadConfig?: () => C;
  module: (config: C) => DynamicModule;
}

/**
 * The `main.ts` of an app: validated config, the app, listen; a boot failure exits non-zero. With `--openapi`
 * it prints the app's OpenAPI document to stdout instead, without connecting to anything.
 */
export function runApi<C extends PlatformConfig = PlatformConfig>(entry: ApiEntry<C>): void {
  const start = async () => {
    const config = entry.loadConfig
      ? entry.loadConfig()
      : (loadConfig(platformEnvSchema(entry.service, entry.defaultPort)) as C);
    if (process.argv.includes('--openapi')) {
      const document = await buildOpenApiDocument(entry.module(config), entry.description);
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return;
    }
    const app = await createApp(entry.module(config), entry.description, { trustProxy: config.trustProxy });
    await listen(app, config.host, config.port);
  };
  start().catch((error: unknown) => {
    console.error(`${entry.service} failed to start:`, error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
