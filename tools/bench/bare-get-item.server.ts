// The baseline of the tenants benchmark: a bare Fastify handler doing the same GetItem with the same
// SDK client settings as the API, and nothing else (no auth, validation, logging or presenter).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import Fastify from 'fastify';
import { createDocumentClient, createDynamoClient } from '@bbws/data-access-dynamo';

async function main(): Promise<void> {
  const table = process.env.TABLE_TENANTS ?? 'bbws-tenants-bench';
  const client = createDocumentClient(
    createDynamoClient({
      region: process.env.AWS_REGION ?? 'us-east-1',
      endpoint: process.env.DYNAMODB_ENDPOINT,
    }),
  );
  const app = Fastify({ logger: false });
  app.get<{ Params: { tenantId: string } }>('/v1.0/tenants/:tenantId', async (request, reply) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: table, Key: { PK: `TENANT#${request.params.tenantId}`, SK: 'TENANT' } }),
    );
    if (!Item) return reply.status(404).send({ error: 'not found' });
    return Item;
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
}

void main();
