import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { TENANTS_API_PORT, loadTenantsApiConfig } from './config/tenants-api.config';
import { TENANTS_API_DESCRIPTION } from './openapi';

runApi({
  service: 'tenants-api',
  defaultPort: TENANTS_API_PORT,
  description: TENANTS_API_DESCRIPTION,
  loadConfig: () => loadTenantsApiConfig(),
  module: (config) => AppModule.register({ config }),
});
