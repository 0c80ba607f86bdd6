import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '@bbws/platform-http';
import { idPattern } from '@bbws/shared-util';

export class CreateBackupRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Why (kept on the operation)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class RestoreSiteRequestDto {
  @ApiProperty({
    example: 'bkp-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f',
    description: 'A COMPLETED backup of this site',
  })
  @Matches(idPattern('bkp'), { message: 'backupId must look like bkp-<uuid>' })
  backupId!: string;
}
