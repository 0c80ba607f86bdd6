import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INSTANCE_STATUSES,
  INSTANCE_TIER_NAMES,
  type InstanceStatus,
  type InstanceTierName,
} from '@bbws/data-access-instances';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import type { Links } from '@bbws/shared-hateoas';

export class InstanceGitOpsResponseDto {
  @ApiProperty({ example: 'acme/bbws-gitops-dev' }) repository!: string;
  @ApiProperty({ example: 'main' }) branch!: string;
  @ApiProperty({ example: 'tenants/acme' }) path!: string;
  @ApiProperty({ nullable: true, type: String }) lastCommitSha!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastWorkflowRunId!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastWorkflowUrl!: string | null;
}

export class InstanceResourcesResponseDto {
  @ApiProperty({ example: 'dev-cluster' }) cluster!: string;
  @ApiProperty({ example: 'dev-acme-service' }) serviceName!: string;
  @ApiProperty({ example: 'dev-acme-tg' }) targetGroup!: string;
  @ApiProperty({ example: 1234 }) listenerRulePriority!: number;
  @ApiProperty({ example: 'acme_db' }) databaseName!: string;
  @ApiProperty({ example: 'dev-acme-db-credentials' }) secretName!: string;
  @ApiProperty({ example: 'acme.wpdev.example.io' }) host!: string;
}

export class InstanceErrorResponseDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() at!: string;
  @ApiPropertyOptional() operationId?: string;
}

export class InstanceResponseDto {
  @ApiProperty({ example: 'inst-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) instanceId!: string;
  @ApiProperty({ example: 'tenant-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) tenantId!: string;
  @ApiProperty({ enum: HOSTING_ENVIRONMENTS }) environment!: HostingEnvironment;
  @ApiProperty({ enum: INSTANCE_TIER_NAMES }) tier!: InstanceTierName;
  @ApiProperty({ enum: INSTANCE_STATUSES }) status!: InstanceStatus;
  @ApiProperty({ minimum: 0, maximum: 10 }) desiredCount!: number;
  @ApiProperty({ minimum: 0 }) runningCount!: number;
  @ApiProperty({ description: 'ECS task cpu units', example: 512 }) cpu!: number;
  @ApiProperty({ description: 'ECS task memory (MiB)', example: 1024 }) memory!: number;
  @ApiProperty({ example: '6.6' }) wordpressVersion!: string;
  @ApiProperty({ description: 'The network base URL', example: 'https://acme.wpdev.example.io/' })
  endpoint!: string;
  @ApiProperty({ example: 'acme' }) slug!: string;
  @ApiProperty({ nullable: true, type: String }) opportunityId!: string | null;
  @ApiProperty({ type: InstanceGitOpsResponseDto }) gitOps!: InstanceGitOpsResponseDto;
  @ApiProperty({ type: InstanceResourcesResponseDto }) resources!: InstanceResourcesResponseDto;
  @ApiProperty({ type: InstanceErrorResponseDto, nullable: true })
  lastError!: InstanceErrorResponseDto | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'State- and role-aware actions (platform admins); `operation` while an operation runs on the instance',
  })
  _links!: Links;
}

export class InstanceListResponseDto {
  @ApiProperty({ type: [InstanceResponseDto] }) items!: InstanceResponseDto[];
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Always false: a tenant has at most one instance per environment' })
  moreAvailable!: boolean;
  @ApiProperty({ nullable: true, type: String }) nextStartAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
