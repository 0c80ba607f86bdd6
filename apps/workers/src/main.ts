import 'reflect-metadata';
import { createApp, listen } from '@bbws/platform-bootstrap';
import { loadWorkersConfig } from './config/workers.config';
import { WORKERS_DESCRIPTION } from './openapi';
import { WorkersModule } from './workers.module';

/** SIGTERM/SIGINT close the app, which drains the consumers before the process exits. */
async function main(): Promise<void> {
  const config = loadWorkersConfig();
  const app = await createApp(WorkersModule.register({ config }), WORKERS_DESCRIPTION);
  await listen(app, config.host, config.port);
}

main().catch((error: unknown) => {
  console.error('workers failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
