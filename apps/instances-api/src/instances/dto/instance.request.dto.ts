import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { INSTANCE_TIER_NAMES, type InstanceTierName } from '@bbws/data-access-instances';
import { Trim, UpperCase } from '@bbws/platform-http';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';

const WORDPRESS_VERSION = /^\d+\.\d+(\.\d+)?$/;

export class CreateInstanceRequestDto {
  @ApiProperty({ enum: HOSTING_ENVIRONMENTS, description: 'Case-insensitive' })
  @UpperCase()
  @IsIn(HOSTING_ENVIRONMENTS)
  environment!: HostingEnvironment;

  @ApiPropertyOptional({ enum: INSTANCE_TIER_NAMES, default: 'STANDARD' })
  @IsOptional()
  @UpperCase()
  @IsIn(INSTANCE_TIER_NAMES)
  tier?: InstanceTierName;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10,
    description: "Default from the environment's tier size; at least 2 in PROD",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  desiredCount?: number;

  @ApiPropertyOptional({ example: '6.6', description: "Default: the environment's" })
  @IsOptional()
  @IsString()
  @Matches(WORDPRESS_VERSION, { message: 'wordpressVersion must look like 6.6 or 6.6.2' })
  wordpressVersion?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The sales opportunity this instance belongs to' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  opportunityId?: string;
}

/** PATCH and PUT: at least one field (GitOps apply of the new values). */
export class UpdateInstanceRequestDto {
  @ApiPropertyOptional({ enum: INSTANCE_TIER_NAMES })
  @IsOptional()
  @UpperCase()
  @IsIn(INSTANCE_TIER_NAMES)
  tier?: InstanceTierName;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, description: 'At least 2 in PROD' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  desiredCount?: number;

  @ApiPropertyOptional({ example: '6.6' })
  @IsOptional()
  @IsString()
  @Matches(WORDPRESS_VERSION, { message: 'wordpressVersion must look like 6.6 or 6.6.2' })
  wordpressVersion?: string;
}

export class ScaleInstanceRequestDto {
  @ApiProperty({ minimum: 1, maximum: 10, description: '2-10 in PROD, 1-10 elsewhere' })
  @IsInt()
  @Min(1)
  @Max(10)
  desiredCount!: number;
}

/** Suspend and park: why (1-500 characters). */
export class InstanceReasonRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Invoices unpaid for 90 days' })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Resume and unpark: an optional note. */
export class InstanceNoteRequestDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** PUT .../status: `stop` is suspend (a reason required), `start` is resume. */
export class ChangeInstanceRunStateRequestDto {
  @ApiProperty({ enum: ['stop', 'start'] })
  @IsIn(['stop', 'start'])
  action!: 'stop' | 'start';

  @ApiPropertyOptional({ maxLength: 500, description: 'Required with stop' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
