import type { AppDescription } from '@bbws/platform-bootstrap';

export const SITES_API_DESCRIPTION: AppDescription = {
  title: 'BBWS sites API',
  description:
    'WordPress sites on tenant instances: create (SITE_CREATION operation, 202 + Location) and read (list with ' +
    'filters and pagination, one site, its status with the running operation). A subdomain is unique ' +
    'platform-wide; sites per environment are limited by the instance tier. All routes under /v1.0; errors ' +
    'use the envelope { error: { code, message, details }, requestId, timestamp }.',
};
