import type { AppDescription } from '@bbws/platform-bootstrap';

export const SITES_API_DESCRIPTION: AppDescription = {
  title: 'BBWS sites API',
  description:
    'WordPress sites on tenant instances. Reads (list with filters and pagination, one site, its status with ' +
    'the running operation) for members; every change is an operation (202 + Location): create, clone, ' +
    'settings (PATCH/PUT), status (suspend, resume, PROD undelete), delete, promote (DEV→SIT→PROD), apply a ' +
    'template, back up and restore, retry the failed creation or clone of a FAILED site. One operation at a ' +
    'time per site (409 OPERATION_IN_PROGRESS); the state ' +
    'machine answers 422 INVALID_SITE_STATE / INVALID_STATUS_TRANSITION; PROD content changes only through ' +
    'promotion, restore or plugin actions (422 PROD_CONTENT_LOCKED). A subdomain is unique platform-wide; sites ' +
    'per environment are limited by the instance tier. All routes under /v1.0; errors use the envelope ' +
    '{ error: { code, message, details }, requestId, timestamp }.',
};
