import { LocalSigningKey } from '@bbws/integrations-identity';
import { loadFrontDoorConfig } from './config/front-door.config';
import { buildFrontDoor } from './front-door.app';

async function main(): Promise<void> {
  const config = loadFrontDoorConfig();
  const signingKey = await LocalSigningKey.loadOrCreate(config.dataDir);
  const app = await buildFrontDoor({
    upstreams: config.upstreams,
    identity: { issuer: config.issuer, jwks: () => signingKey.jwks() },
    logLevel: config.logLevel,
    albUrl: config.albUrl,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `front-door failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
