import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { PLUGINS_API_PORT, loadPluginsApiConfig } from './config/plugins-api.config';
import { PLUGINS_API_DESCRIPTION } from './openapi';

runApi({
  service: 'plugins-api',
  defaultPort: PLUGINS_API_PORT,
  description: PLUGINS_API_DESCRIPTION,
  loadConfig: () => loadPluginsApiConfig(),
  module: (config) => AppModule.register({ config }),
});
