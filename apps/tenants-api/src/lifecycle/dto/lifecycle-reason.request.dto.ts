import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '@bbws/platform-http';

/** Suspend and park: why (10-500 characters), kept as the tenant's status reason and in the audit. */
export class LifecycleReasonRequestDto {
  @ApiProperty({ minLength: 10, maxLength: 500, example: 'Invoices unpaid for 90 days' })
  @Trim()
  @IsString()
  @Length(10, 500)
  reason!: string;
}

/** Resume and unpark: an optional note for the audit trail. */
export class LifecycleNoteRequestDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
