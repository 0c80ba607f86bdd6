import Fastify from 'fastify';

// The floor the apps' cold start and memory are compared with: Node plus Fastify answering one route.
const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'ok' }));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));
void app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
