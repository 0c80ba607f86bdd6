import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { WORKERS_PORT, loadWorkersConfig } from './config/workers.config';
import { WORKERS_DESCRIPTION } from './openapi';
import { WorkersModule } from './workers.module';

// SIGTERM/SIGINT close the app, which drains the consumers before the process exits.
runApi({
  service: 'workers',
  defaultPort: WORKERS_PORT,
  description: WORKERS_DESCRIPTION,
  loadConfig: () => loadWorkersConfig(),
  module: (config) => WorkersModule.register({ config }),
});
