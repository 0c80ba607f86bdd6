import 'reflect-metadata';
import { createApp, listen } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { loadTenantsApiConfig } from './config/tenants-api.config';
import { TENANTS_API_DESCRIPTION } from './openapi';

async function main(): Promise<void> {
  const config = loadTenantsApiConfig();
  const app = await createApp(AppModule.register({ config }), TENANTS_API_DESCRIPTION);
  await listen(app, config.host, config.port);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
