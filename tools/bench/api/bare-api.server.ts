// The bare Fastify server of one API service (BARE_SERVICE), for the api bench: see bare-routes.ts.
import Fastify from 'fastify';
import { createDocumentClient, createDynamoClient, type DynamoContext } from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, QueueDirectory, createSqsClient } from '@bbws/platform-sqs';
import { CursorCodec } from '@bbws/shared-hateoas';
import { createLogger } from '@bbws/shared-logging';
import { systemClock } from '@bbws/shared-util';
import { BENCH_APP_STAGE, isApiService } from './api-services';
import { registerBareRoutes } from './bare-routes';

async function main(): Promise<void> {
  const env = process.env;
  const service = env.BARE_SERVICE;
  if (!isApiService(service)) throw new Error(`BARE_SERVICE must name an API service, got ${service}`);
  const region = env.AWS_REGION ?? 'us-east-1';
  const db: DynamoContext = {
    client: createDocumentClient(createDynamoClient({ region, endpoint: env.DYNAMODB_ENDPOINT })),
    tables: {
      tenants: String(env.TABLE_TENANTS),
      instances: String(env.TABLE_INSTANCES),
      sites: String(env.TABLE_SITES),
      operations: String(env.TABLE_OPERATIONS),
    },
    cursors: new CursorCodec('bare-handler-cursor-secret'),
    clock: systemClock,
  };
  const sqs = createSqsClient({ region, endpoint: env.SQS_ENDPOINT });
  const producer = new MessageProducer(sqs, new QueueDirectory(sqs, BENCH_APP_STAGE));
  // The launcher logs only when a send fails (never in a passing run).
  const launcher = new OperationLauncher(
    new OperationDao(db),
    producer,
    systemClock,
    createLogger({ name: 'bare', level: 'warn' }),
  );
  const app = Fastify({ logger: false });
  registerBareRoutes(app, service, { db, launcher });
  await app.listen({ host: '127.0.0.1', port: Number(env.PORT ?? 0) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
