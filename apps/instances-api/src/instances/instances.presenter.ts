import type { Instance } from '@bbws/data-access-instances';
import type { TenantAccess } from '@bbws/platform-auth';
import { operationRoutes } from '@bbws/platform-operations';
import type { ServiceSnapshot } from '@bbws/integrations-compute';
import { link, links, type Link } from '@bbws/shared-hateoas';
import type { InstanceListResponseDto, InstanceResponseDto } from './dto/instance.response.dto';
import type { InstanceHealth, InstanceStatusResponseDto } from './dto/instance-status.response.dto';
import { actionsFrom, canRetry, type InstanceAction } from './instance-status.rules';
import { instanceRoutes, type InstanceActionPath } from './instances.routes';

export interface InstanceView {
  instance: Instance;
  access: TenantAccess;
  /** The operation holding the instance's lock, when one runs. */
  activeOperationId: string | null;
}

const ACTION_LINKS: Record<InstanceAction, (t: string, i: string) => [string, Link]> = {
  UPDATE: (t, i) => ['update', link(instanceRoutes.instance(t, i), 'PATCH')],
  SCALE: (t, i) => ['size', link(instanceRoutes.size(t, i), 'PUT')],
  SUSPEND: (t, i) => ['suspend', postTo(t, i, 'suspend')],
  RESUME: (t, i) => ['resume', postTo(t, i, 'resume')],
  PARK: (t, i) => ['park', postTo(t, i, 'park')],
  UNPARK: (t, i) => ['unpark', postTo(t, i, 'unpark')],
  DEPROVISION: (t, i) => ['delete', link(instanceRoutes.instance(t, i), 'DELETE')],
};

function postTo(tenantId: string, instanceId: string, action: InstanceActionPath): Link {
  return link(instanceRoutes.action(tenantId, instanceId, action), 'POST');
}

/** The instance resource with the actions the caller may take in its current state (platform admins only). */
export function presentInstance({ instance, access, activeOperationId }: InstanceView): InstanceResponseDto {
  const { tenantId, instanceId: id, status } = instance;
  const admin = access.isPlatformAdmin;
  const idle = activeOperationId === null;
  const {
    listenerArn: _listener,
    listenerRuleArn: _rule,
    targetGroupArn: _tg,
    ...resources
  } = instance.resources;
  return {
    instanceId: id,
    tenantId,
    environment: instance.environment,
    tier: instance.tier,
    status,
    desiredCount: instance.desiredCount,
    runningCount: instance.runningCount,
    cpu: instance.cpu,
    memory: instance.memory,
    wordpressVersion: instance.wordpressVersion,
    endpoint: instance.endpoint,
    slug: instance.slug,
    opportunityId: instance.opportunityId,
    gitOps: instance.gitOps,
    resources,
    lastError: instance.lastError,
    createdAt: instance.createdAt,
    createdBy: instance.createdBy,
    updatedAt: instance.updatedAt,
    version: instance.version,
    _links: links([
      ['self', link(instanceRoutes.instance(tenantId, id))],
      ['status', link(instanceRoutes.status(tenantId, id)), status !== 'DEPROVISIONED'],
      ['collection', link(instanceRoutes.collection(tenantId))],
      ['tenant', link(instanceRoutes.tenant(tenantId))],
      ['operation', link(operationRoutes.operation(activeOperationId ?? '')), !idle],
      ...actionsFrom(status).map((action): [string, Link, boolean] => [
        ...ACTION_LINKS[action](tenantId, id),
        admin && idle,
      ]),
      ['retry', postTo(tenantId, id, 'retry'), admin && idle && canRetry(status)],
    ]),
  };
}

/** The tenant's instances (one page: at most one per environment); `create` for platform admins. */
export function presentInstanceList(
  tenantId: string,
  admin: boolean,
  views: InstanceView[],
): InstanceListResponseDto {
  return {
    items: views.map(presentInstance),
    count: views.length,
    moreAvailable: false,
    nextStartAt: null,
    _links: links([
      ['self', link(instanceRoutes.collection(tenantId))],
      ['tenant', link(instanceRoutes.tenant(tenantId))],
      ['create', link(instanceRoutes.collection(tenantId), 'POST'), admin],
    ]),
  };
}

/** Health from the service as ECS describes it. */
export function healthOf(snapshot: ServiceSnapshot): InstanceHealth {
  if (snapshot.status === 'MISSING' || snapshot.status === 'INACTIVE') return 'NOT_DEPLOYED';
  if (snapshot.deployments.some((deployment) => deployment.rolloutState === 'FAILED')) return 'UNHEALTHY';
  if (snapshot.desiredCount === 0) return 'STOPPED';
  if (snapshot.runningCount === 0) return 'UNHEALTHY';
  return snapshot.steady && snapshot.runningCount >= snapshot.desiredCount ? 'HEALTHY' : 'DEGRADED';
}

export function presentInstanceStatus(
  instance: Instance,
  snapshot: ServiceSnapshot,
  observedAt: string,
): InstanceStatusResponseDto {
  const { tenantId, instanceId } = instance;
  return {
    instanceId,
    status: instance.status,
    serviceStatus: snapshot.status,
    desiredCount: snapshot.desiredCount,
    runningCount: snapshot.runningCount,
    pendingCount: snapshot.pendingCount,
    health: healthOf(snapshot),
    steady: snapshot.steady,
    lastRuntimeEvent:
      snapshot.lastEvent ??
      (instance.lastRuntimeEvent
        ? { message: instance.lastRuntimeEvent.name, createdAt: instance.lastRuntimeEvent.at }
        : null),
    observedAt,
    _links: links([
      ['self', link(instanceRoutes.status(tenantId, instanceId))],
      ['instance', link(instanceRoutes.instance(tenantId, instanceId))],
    ]),
  };
}
