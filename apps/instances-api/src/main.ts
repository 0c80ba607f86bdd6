import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { INSTANCES_API_PORT, loadInstancesApiConfig } from './config/instances-api.config';
import { INSTANCES_API_DESCRIPTION } from './openapi';

runApi({
  service: 'instances-api',
  defaultPort: INSTANCES_API_PORT,
  description: INSTANCES_API_DESCRIPTION,
  loadConfig: () => loadInstancesApiConfig(),
  module: (config) => AppModule.register({ config }),
});
