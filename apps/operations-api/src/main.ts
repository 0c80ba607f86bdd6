import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';
import { OPERATIONS_API_PORT } from './config/operations-api.config';
import { OPERATIONS_API_DESCRIPTION } from './openapi';

runApi({
  service: 'operations-api',
  defaultPort: OPERATIONS_API_PORT,
  description: OPERATIONS_API_DESCRIPTION,
  module: (config) => AppModule.register({ config }),
});
