import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { AppModule } from './app.module';

runApi({
  service: 'templates-api',
  defaultPort: 3004,
  description: {
    title: 'BBWS templates API',
    description: 'The site template catalogue. Routes arrive with the templates feature.',
  },
  module: (config) => AppModule.register({ config }),
});
