import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { LOCAL_PORTS } from '@bbws/shared-config';
import { AppModule } from './app.module';

runApi({
  service: 'sites-api',
  defaultPort: LOCAL_PORTS['sites-api'],
  description: {
    title: 'BBWS sites API',
    description:
      'WordPress sites on tenant instances (create, clone, promote, backups, plugins). Routes arrive with the sites feature.',
  },
  module: (config) => AppModule.register({ config }),
});
