/* eslint-disable @nx/enforce-module-boundaries -- the test platform runs the workers app in-process */
import { loadWorkersConfig, type WorkerName } from '../../../apps/workers/src/config/workers.config';
import { WORKERS_DESCRIPTION } from '../../../apps/workers/src/openapi';
import { WorkersModule } from '../../../apps/workers/src/workers.module';
import { listen, type ListeningApp } from './platform-apps';

/** The workers app with the named workers, short polls and retries so operations finish within a test. */
export function startPlatformWorkers(workers: WorkerName[], env: NodeJS.ProcessEnv): Promise<ListeningApp> {
  const config = loadWorkersConfig({
    ...env,
    WORKERS: workers.join(','),
    WORKER_WAIT_TIME_SECONDS: '1',
    WORKER_DRAIN_TIMEOUT_MS: '2000',
    RETRY_BASE_SECONDS: '1',
    RETRY_MAX_SECONDS: '2',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    WEBHOOK_RETRY_MAX_SECONDS: '1',
    ...pick(env, 'WORKER_QUEUES'),
  });
  return listen(
    'workers',
    WorkersModule.register({ config, fanOut: { pollIntervalMs: 200, timeoutMs: 20_000 } }),
    WORKERS_DESCRIPTION,
  );
}

function pick(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  return env[name] === undefined ? {} : { [name]: env[name] };
}
