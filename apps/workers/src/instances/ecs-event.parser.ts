import type { HostingEnvironments } from '@bbws/shared-config';
import {
  MESSAGES,
  MalformedMessageError,
  buildMessage,
  type HostingEnvironment,
  type ParsedMessage,
  type RuntimeEventPayload,
} from '@bbws/shared-contracts';

const DETAIL_TYPES = ['ECS Service Action', 'ECS Deployment State Change'];

interface RawEcsEvent {
  id?: unknown;
  source?: unknown;
  'detail-type'?: unknown;
  time?: unknown;
  resources?: unknown;
  detail?: { eventName?: unknown; clusterArn?: unknown };
}

const malformed = (reason: string) =>
  new MalformedMessageError(`Not an ECS service event: ${reason}`, [], null, null);

/** `arn:aws:ecs:{region}:{account}:service/{cluster}/{service}` → its cluster and service names. */
function serviceArnParts(arn: string): { cluster: string; serviceName: string } | undefined {
  const match = /^arn:aws[\w-]*:ecs:[^:]*:\d*:service\/([^/]+)\/([^/]+)$/.exec(arn);
  return match ? { cluster: match[1], serviceName: match[2] } : undefined;
}

/**
 * The raw EventBridge ECS event (as an EventBridge → SQS target delivers it, no envelope of ours) as a
 * RUNTIME_EVENT message. The environment is the one whose cluster the event names (`{env}-cluster`),
 * the service the last segment of the service ARN: ECS events carry no tags.
 */
export function parseEcsEvent(
  body: string,
  environments: HostingEnvironments,
): ParsedMessage<RuntimeEventPayload> {
  let raw: RawEcsEvent;
  try {
    raw = JSON.parse(body) as RawEcsEvent;
  } catch {
    throw malformed('the body is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || raw.source !== 'aws.ecs')
    throw malformed('source is not aws.ecs');
  if (!DETAIL_TYPES.includes(String(raw['detail-type'])))
    throw malformed(`detail-type ${String(raw['detail-type'])}`);
  const serviceArn = Array.isArray(raw.resources)
    ? raw.resources.find((arn) => typeof arn === 'string' && serviceArnParts(arn))
    : undefined;
  const service = typeof serviceArn === 'string' ? serviceArnParts(serviceArn) : undefined;
  if (!service) throw malformed('no service ARN in resources');
  const clusterArn = typeof raw.detail?.clusterArn === 'string' ? raw.detail.clusterArn : undefined;
  const cluster = clusterArn ? clusterArn.slice(clusterArn.lastIndexOf('/') + 1) : service.cluster;
  const environment = Object.values(environments).find(
    (candidate) => candidate.cluster === cluster,
  )?.environment;
  if (!environment) throw malformed(`cluster ${cluster} is no hosting environment's`);
  if (typeof raw.id !== 'string' || typeof raw.time !== 'string' || typeof raw.detail?.eventName !== 'string')
    throw malformed('id, time or detail.eventName missing');
  const envelope = buildMessage(
    MESSAGES.RUNTIME_EVENT,
    {
      tenantId: null,
      correlationId: raw.id,
      idempotencyKey: raw.id,
      payload: {
        environment: environment as HostingEnvironment,
        serviceName: service.serviceName,
        eventName: raw.detail.eventName,
        occurredAt: raw.time,
      },
    },
    new Date(),
  );
  return { envelope, contract: MESSAGES.RUNTIME_EVENT };
}
