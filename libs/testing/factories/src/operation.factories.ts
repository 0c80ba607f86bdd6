import type { Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';

/** A PENDING operation on a fresh tenant, due within the hour from `now`. */
export function buildOperation(overrides: Partial<Operation> = {}, now = new Date()): Operation {
  const at = now.toISOString();
  return {
    operationId: newId('op'),
    tenantId: newId('tenant'),
    type: 'TENANT_SUSPEND',
    status: 'PENDING',
    resourceType: 'tenant',
    resourceId: newId('tenant'),
    progress: 0,
    currentStep: null,
    steps: [],
    message: null,
    error: null,
    result: null,
    attempts: 0,
    createdBy: 'user-1',
    createdAt: at,
    startedAt: null,
    completedAt: null,
    updatedAt: at,
    version: 1,
    lease: null,
    deadlineAt: new Date(now.getTime() + 3600_000).toISOString(),
    dispatch: null,
    sentAt: null,
    sendCount: 0,
    ...overrides,
  };
}
