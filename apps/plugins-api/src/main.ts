import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { LOCAL_PORTS } from '@bbws/shared-config';
import { AppModule } from './app.module';

runApi({
  service: 'plugins-api',
  defaultPort: LOCAL_PORTS['plugins-api'],
  description: {
    title: 'BBWS plugins API',
    description: 'The curated plugin catalogue. Routes arrive with the plugins feature.',
  },
  module: (config) => AppModule.register({ config }),
});
