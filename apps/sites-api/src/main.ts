import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { SITES_API_PORT, loadSitesApiConfig } from './config/sites-api.config';
import { SITES_API_DESCRIPTION } from './openapi';

runApi({
  service: 'sites-api',
  defaultPort: SITES_API_PORT,
  description: SITES_API_DESCRIPTION,
  loadConfig: () => loadSitesApiConfig(),
  module: (config) => AppModule.register({ config }),
});
