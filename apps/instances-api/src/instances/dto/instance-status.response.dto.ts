import { ApiProperty } from '@nestjs/swagger';
import { INSTANCE_STATUSES, type InstanceStatus } from '@bbws/data-access-instances';
import type { Links } from '@bbws/shared-hateoas';

export const INSTANCE_HEALTH = ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'STOPPED', 'NOT_DEPLOYED'] as const;
export type InstanceHealth = (typeof INSTANCE_HEALTH)[number];

export class RuntimeEventResponseDto {
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: string;
}

/** The live view of an instance's ECS service. */
export class InstanceStatusResponseDto {
  @ApiProperty() instanceId!: string;
  @ApiProperty({ enum: INSTANCE_STATUSES }) status!: InstanceStatus;
  @ApiProperty({ enum: ['ACTIVE', 'DRAINING', 'INACTIVE', 'MISSING'] }) serviceStatus!: string;
  @ApiProperty() desiredCount!: number;
  @ApiProperty() runningCount!: number;
  @ApiProperty() pendingCount!: number;
  @ApiProperty({ enum: INSTANCE_HEALTH }) health!: InstanceHealth;
  @ApiProperty({ description: 'desired = running, one deployment, rollout completed' }) steady!: boolean;
  @ApiProperty({ type: RuntimeEventResponseDto, nullable: true })
  lastRuntimeEvent!: RuntimeEventResponseDto | null;
  @ApiProperty() observedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
