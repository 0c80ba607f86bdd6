import 'reflect-metadata';
import { runApi } from '@bbws/platform-bootstrap';
import { LOCAL_PORTS } from '@bbws/shared-config';
import { AppModule } from './app.module';

runApi({
  service: 'instances-api',
  defaultPort: LOCAL_PORTS['instances-api'],
  description: {
    title: 'BBWS instances API',
    description:
      'Tenant WordPress instances per hosting environment (GitOps provisioning, ECS lifecycle). Routes arrive with the instances feature.',
  },
  module: (config) => AppModule.register({ config }),
});
