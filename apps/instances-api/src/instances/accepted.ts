import type { FastifyReply } from 'fastify';
import { operationRoutes, presentOperation, type OperationResource } from '@bbws/platform-operations';
import type { Operation } from '@bbws/shared-contracts';
import type { Caller } from '@bbws/platform-auth';
import type { ActionRequest } from './use-cases/instance-actions';

/** The 202 body of an accepted operation, with `Location` pointing at it. */
export function accepted(reply: FastifyReply, operation: Operation): OperationResource {
  void reply.header('Location', operationRoutes.operation(operation.operationId));
  return presentOperation(operation, { canCancel: true });
}

/** Who asks what of which instance; the request id becomes the operation's correlation id. */
export function actionRequest(
  caller: Caller,
  tenantId: string,
  instanceId: string,
  reply: FastifyReply,
  ifMatch: number | undefined,
): ActionRequest {
  return { caller, tenantId, instanceId, correlationId: String(reply.request.id), ifMatch };
}
