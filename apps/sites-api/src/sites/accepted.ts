import type { FastifyReply } from 'fastify';
import type { Caller } from '@bbws/platform-auth';
import { operationRoutes, presentOperation, type OperationResource } from '@bbws/platform-operations';
import type { Operation } from '@bbws/shared-contracts';
import type { Links } from '@bbws/shared-hateoas';
import type { SiteRequest } from './use-cases/site-operations';

/** The 202 body of an accepted operation, with `Location` pointing at it (and links to what it makes). */
export function accepted(
  reply: FastifyReply,
  operation: Operation,
  extraLinks: Links = {},
): OperationResource {
  void reply.header('Location', operationRoutes.operation(operation.operationId));
  const body = presentOperation(operation, { canCancel: true });
  return { ...body, _links: { ...body._links, ...extraLinks } };
}

/** An action on one site, the request id becoming the message's correlation id. */
export function siteRequest(
  caller: Caller,
  tenantId: string,
  siteId: string,
  reply: FastifyReply,
  ifMatch?: number,
): SiteRequest {
  return {
    caller,
    tenantId,
    siteId,
    correlationId: String(reply.request.id),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  };
}
