import type { FastifyReply } from 'fastify';
import { operationRoutes, presentOperation, type OperationResource } from '@bbws/platform-operations';
import type { Operation } from '@bbws/shared-contracts';

/** The 202 body of an accepted operation, with `Location` pointing at it. */
export function accepted(reply: FastifyReply, operation: Operation): OperationResource {
  void reply.header('Location', operationRoutes.operation(operation.operationId));
  return presentOperation(operation, { canCancel: true });
}
