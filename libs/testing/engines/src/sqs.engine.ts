import { createServer } from 'node:http';
import { createRequestHandler } from 'local-aws-sqs';
import { EngineSetupError } from './engine-setup.error';
import type { RunningEngine } from './running-engine';
import { patchAllQueues } from './sqs-receive-count.patch';

export interface SqsOptions {
  /** Fixed port; a free one when omitted. */
  port?: number;
  region?: string;
}

/**
 * Starts the local SQS server (local-aws-sqs: JSON protocol, redrive to DLQs) inside this process on
 * 127.0.0.1, with receive counts kept as SQS keeps them (see the patch). Queue state lives in memory. Built on its request handler rather than `createSqsServer`
 * so that a taken port is reported instead of leaving the start hanging.
 */
export async function startSqs(options: SqsOptions = {}): Promise<RunningEngine> {
  const { service, requestHandler } = createRequestHandler({
    port: options.port ?? 0,
    hostname: '127.0.0.1',
    region: options.region ?? 'us-east-1',
  });
  const server = createServer((req, res) => {
    patchAllQueues(service as unknown as { Queues: unknown[] });
    void requestHandler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EngineSetupError(
              `port ${options.port} is already in use (another local SQS or \`npm start\` running?)`,
            )
          : error,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Queue URLs are built from the service's port: set it once the OS has chosen one.
  service.PORT = port;
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      service.resetAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
