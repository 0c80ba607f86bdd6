import type { AppDescription } from '@bbws/platform-bootstrap';

export const TENANTS_API_DESCRIPTION: AppDescription = {
  title: 'BBWS tenants API',
  description:
    'Tenants (customer organisations), their status lifecycle and audit trail. All routes under /v1.0; errors use ' +
    'the envelope { error: { code, message, details }, requestId, timestamp }.',
};
