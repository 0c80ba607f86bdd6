import type { DynamicModule } from '@nestjs/common';
import { loadConfig } from '@bbws/shared-config';
import { createApp, listen, type AppDescription } from './create-app';
import { platformEnvSchema, type PlatformConfig } from './platform-config';

export interface ApiEntry {
  service: string;
  defaultPort: number;
  description: AppDescription;
  module: (config: PlatformConfig) => DynamicModule;
}

/** The `main.ts` of an API app: validated config, the app, listen; a boot failure exits non-zero. */
export function runApi(entry: ApiEntry): void {
  const start = async () => {
    const config = loadConfig(platformEnvSchema(entry.service, entry.defaultPort));
    const app = await createApp(entry.module(config), entry.description, { trustProxy: config.trustProxy });
    await listen(app, config.host, config.port);
  };
  start().catch((error: unknown) => {
    console.error(`${entry.service} failed to start:`, error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
