import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TENANT_TIERS, type TenantTier } from '@bbws/data-access-tenants';
import { MaxJsonBytes, ORGANIZATION_NAME_PATTERN, Trim, UpperCase } from '@bbws/platform-http';

export class UpdateTenantRequestDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 100)
  @Matches(ORGANIZATION_NAME_PATTERN, {
    message: "organizationName may hold letters, digits, spaces and . , & ' -",
  })
  organizationName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ enum: TENANT_TIERS, description: 'Platform administrators only' })
  @IsOptional()
  @UpperCase()
  @IsIn(TENANT_TIERS)
  tier?: TenantTier;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Replaces the metadata; at most 4 KiB',
  })
  @IsOptional()
  @IsObject()
  @MaxJsonBytes(4096)
  metadata?: Record<string, unknown>;
}
