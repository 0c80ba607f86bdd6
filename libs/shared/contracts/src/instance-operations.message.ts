import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { idPattern } from '@bbws/shared-util';
import { defineMessage } from './message-contract';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from './site-operations.message';

const INSTANCE_ID = idPattern('inst');
const TIERS = ['STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const;

class InstanceMessage {
  @Matches(INSTANCE_ID, { message: 'instanceId must look like inst-<uuid>' })
  instanceId!: string;

  @IsIn(HOSTING_ENVIRONMENTS)
  environment!: HostingEnvironment;
}

export class InstanceProvisionPayload extends InstanceMessage {
  @IsIn(TIERS)
  tier!: (typeof TIERS)[number];

  @IsInt()
  @Min(1)
  @Max(10)
  desiredCount!: number;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  wordpressVersion?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  opportunityId?: string;
}

export class InstanceUpdatePayload extends InstanceMessage {
  @IsOptional()
  @IsIn(TIERS)
  tier?: (typeof TIERS)[number];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  desiredCount?: number;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  wordpressVersion?: string;
}

export class InstanceScalePayload extends InstanceMessage {
  @IsInt()
  @Min(1)
  @Max(10)
  desiredCount!: number;
}

/** Suspend, resume, park and unpark share one shape. */
export class InstanceLifecyclePayload extends InstanceMessage {
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class InstanceDeprovisionPayload extends InstanceMessage {}

/** A runtime state change (ECS task/service event through EventBridge, or the local runtime). */
export class RuntimeEventPayload {
  @IsIn(HOSTING_ENVIRONMENTS)
  environment!: HostingEnvironment;

  @IsString()
  @Length(1, 255)
  serviceName!: string;

  @IsString()
  @Length(1, 64)
  eventName!: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  lastStatus?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  runningCount?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  desiredCount?: number;

  @IsISO8601()
  occurredAt!: string;
}

const lifecycle = (messageType: string) =>
  defineMessage({
    messageType,
    schemaVersion: 1,
    queue: 'instance-lifecycle',
    kind: 'operation',
    payload: InstanceLifecyclePayload,
  });

export const INSTANCE_MESSAGES = {
  INSTANCE_PROVISION: defineMessage({
    messageType: 'INSTANCE_PROVISION',
    schemaVersion: 1,
    queue: 'instance-provision',
    kind: 'operation',
    payload: InstanceProvisionPayload,
  }),
  INSTANCE_UPDATE: defineMessage({
    messageType: 'INSTANCE_UPDATE',
    schemaVersion: 1,
    queue: 'instance-provision',
    kind: 'operation',
    payload: InstanceUpdatePayload,
  }),
  INSTANCE_SCALE: defineMessage({
    messageType: 'INSTANCE_SCALE',
    schemaVersion: 1,
    queue: 'instance-lifecycle',
    kind: 'operation',
    payload: InstanceScalePayload,
  }),
  INSTANCE_SUSPEND: lifecycle('INSTANCE_SUSPEND'),
  INSTANCE_RESUME: lifecycle('INSTANCE_RESUME'),
  INSTANCE_PARK: lifecycle('INSTANCE_PARK'),
  INSTANCE_UNPARK: lifecycle('INSTANCE_UNPARK'),
  INSTANCE_DEPROVISION: defineMessage({
    messageType: 'INSTANCE_DEPROVISION',
    schemaVersion: 1,
    queue: 'instance-deprovision',
    kind: 'operation',
    payload: InstanceDeprovisionPayload,
  }),
  RUNTIME_EVENT: defineMessage({
    messageType: 'RUNTIME_EVENT',
    schemaVersion: 1,
    queue: 'instance-events',
    kind: 'event',
    tenantScoped: false,
    payload: RuntimeEventPayload,
  }),
};
