import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { idPattern } from '@bbws/shared-util';
import { defineMessage } from './message-contract';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from './site-operations.message';

/** DEPROVISION is the operation of DELETE /tenants/{t} when the tenant still has instances (it deprovisions them first). */
export const TENANT_LIFECYCLE_ACTIONS = ['SUSPEND', 'RESUME', 'PARK', 'UNPARK', 'DEPROVISION'] as const;
export type TenantLifecycleAction = (typeof TENANT_LIFECYCLE_ACTIONS)[number];
/** The actions of POST /tenants/{t}/lifecycle/{action}. */
export type TenantStatusAction = Exclude<TenantLifecycleAction, 'DEPROVISION'>;

const TENANT_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'PARKED', 'FAILED', 'DEPROVISIONED'] as const;

/**
 * A platform admin asked for a tenant lifecycle change. The API checked the transition when it
 * accepted the request; the worker applies it only while the tenant is still in `fromStatus`.
 */
export class TenantLifecycleRequestedPayload {
  @IsIn(TENANT_LIFECYCLE_ACTIONS)
  action!: TenantLifecycleAction;

  @IsIn(TENANT_STATUSES)
  fromStatus!: (typeof TENANT_STATUSES)[number];

  @IsIn(TENANT_STATUSES)
  toStatus!: (typeof TENANT_STATUSES)[number];

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** An instance reached a state the tenant aggregate reacts to (first ACTIVE instance activates the tenant). */
export class InstanceStateEventPayload {
  @Matches(idPattern('inst'))
  instanceId!: string;

  @IsIn(HOSTING_ENVIRONMENTS)
  environment!: HostingEnvironment;

  @IsOptional()
  @IsString()
  @Length(1, 1000)
  error?: string;
}

const instanceEvent = (messageType: string) =>
  defineMessage({
    messageType,
    schemaVersion: 1,
    queue: 'tenant-events',
    kind: 'event',
    payload: InstanceStateEventPayload,
  });

export const TENANT_MESSAGES = {
  TENANT_LIFECYCLE_REQUESTED: defineMessage({
    messageType: 'TENANT_LIFECYCLE_REQUESTED',
    schemaVersion: 1,
    queue: 'tenant-events',
    kind: 'operation',
    payload: TenantLifecycleRequestedPayload,
    operationType: (payload) => `TENANT_${payload.action}`,
  }),
  INSTANCE_ACTIVE: instanceEvent('INSTANCE_ACTIVE'),
  INSTANCE_FAILED: instanceEvent('INSTANCE_FAILED'),
  INSTANCE_DEPROVISIONED: instanceEvent('INSTANCE_DEPROVISIONED'),
};
