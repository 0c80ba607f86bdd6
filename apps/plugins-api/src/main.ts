import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';

runApi({
  service: 'plugins-api',
  defaultPort: 3005,
  description: {
    title: 'BBWS plugins API',
    description: 'The curated plugin catalogue. Routes arrive with the plugins feature.',
  },
  module: (config) => AppModule.register({ config }),
});
