import { link, links, type Links } from '@bbws/shared-hateoas';
import type { Operation, OperationError, OperationStatus } from '@bbws/shared-contracts';

export const operationRoutes = {
  operation: (operationId: string) => `/v1.0/operations/${operationId}`,
  cancel: (operationId: string) => `/v1.0/operations/${operationId}/cancel`,
  tenantOperations: (tenantId: string) => `/v1.0/tenants/${tenantId}/operations`,
};

/** Where the resource an operation acts on lives, by resource type. */
const RESOURCE_ROUTES: Record<string, (operation: Operation) => string> = {
  tenant: (operation) => `/v1.0/tenants/${operation.resourceId}`,
  instance: (operation) => `/v1.0/tenants/${operation.tenantId}/instances/${operation.resourceId}`,
  site: (operation) => `/v1.0/tenants/${operation.tenantId}/sites/${operation.resourceId}`,
};

/** The operation resource of API.md § Async operations, identical in every service that returns one. */
export interface OperationResource {
  operationId: string;
  tenantId: string;
  type: string;
  status: OperationStatus;
  resourceType: string;
  resourceId: string;
  progress: number;
  currentStep: string | null;
  steps: Array<{ name: string; status: string; startedAt: string | null; completedAt: string | null }>;
  message: string | null;
  error: OperationError | null;
  result: Record<string, unknown> | null;
  attempts: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  _links: Links;
}

export function presentOperation(operation: Operation, options: { canCancel: boolean }): OperationResource {
  const id = operation.operationId;
  const resource = RESOURCE_ROUTES[operation.resourceType];
  return {
    operationId: id,
    tenantId: operation.tenantId,
    type: operation.type,
    status: operation.status,
    resourceType: operation.resourceType,
    resourceId: operation.resourceId,
    progress: operation.progress,
    currentStep: operation.currentStep,
    steps: operation.steps.map(({ name, status, startedAt, completedAt }) => ({
      name,
      status,
      startedAt,
      completedAt,
    })),
    message: operation.message,
    error: operation.error,
    result: operation.result,
    attempts: operation.attempts,
    createdBy: operation.createdBy,
    createdAt: operation.createdAt,
    startedAt: operation.startedAt,
    completedAt: operation.completedAt,
    _links: links([
      ['self', link(operationRoutes.operation(id))],
      [
        'cancel',
        link(operationRoutes.cancel(id), 'POST'),
        options.canCancel && operation.status === 'PENDING',
      ],
      ['resource', link(resource ? resource(operation) : ''), resource !== undefined],
      ['tenantOperations', link(operationRoutes.tenantOperations(operation.tenantId))],
    ]),
  };
}
