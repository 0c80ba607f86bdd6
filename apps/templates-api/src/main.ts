import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { LOCAL_PORTS } from '@bbws/shared-config';
import { AppModule } from './app.module';

runApi({
  service: 'templates-api',
  defaultPort: LOCAL_PORTS['templates-api'],
  description: {
    title: 'BBWS templates API',
    description: 'The site template catalogue. Routes arrive with the templates feature.',
  },
  module: (config) => AppModule.register({ config }),
});
