import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { TEMPLATES_API_PORT, loadTemplatesApiConfig } from './config/templates-api.config';
import { TEMPLATES_API_DESCRIPTION } from './openapi';

runApi({
  service: 'templates-api',
  defaultPort: TEMPLATES_API_PORT,
  description: TEMPLATES_API_DESCRIPTION,
  loadConfig: () => loadTemplatesApiConfig(),
  module: (config) => AppModule.register({ config }),
});
