import type { AppDescription } from '@bbws/platform-bootstrap';

export const WORKERS_DESCRIPTION: AppDescription = {
  title: 'BBWS workers',
  description:
    'Queue consumers and background tasks. Serves only /health (liveness) and /ready (tables and queues reachable).',
};
