import type { AppDescription } from '@bbws/platform-bootstrap';

export const OPERATIONS_API_DESCRIPTION: AppDescription = {
  title: 'BBWS operations API',
  description:
    'Operations (every long action: status, progress, steps, error and result), their cancellation, and webhook ' +
    'subscriptions with their delivery log. Deliveries are signed: X-BBWS-Signature: sha256=<hex HMAC-SHA256 of ' +
    '"{X-BBWS-Timestamp}.{raw body}"> with the subscription secret. All routes under /v1.0; errors use the envelope ' +
    '{ error: { code, message, details }, requestId, timestamp }.',
};
