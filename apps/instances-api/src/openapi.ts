import type { AppDescription } from '@bbws/platform-bootstrap';

export const INSTANCES_API_DESCRIPTION: AppDescription = {
  title: 'BBWS instances API',
  description:
    'Tenant WordPress instances per hosting environment (DEV, SIT, PROD): GitOps provisioning, update and ' +
    'deprovisioning, runtime scale / suspend / resume / park / unpark on ECS, live status and retry. Every ' +
    'change is an operation (202 + Location); one operation at a time per instance. All routes under /v1.0; ' +
    'errors use the envelope { error: { code, message, details }, requestId, timestamp }.',
};
