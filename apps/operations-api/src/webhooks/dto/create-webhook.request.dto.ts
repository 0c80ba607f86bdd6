import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { Trim } from '@bbws/platform-http';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@bbws/shared-contracts';

export class CreateWebhookRequestDto {
  @ApiProperty({
    example: 'https://hooks.example.com/bbws',
    description: 'https only, never an internal address (http and loopback in the local stage)',
  })
  @Trim()
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events!: WebhookEventType[];

  @ApiProperty({
    minLength: 16,
    maxLength: 256,
    writeOnly: true,
    description: 'HMAC key of X-BBWS-Signature; never returned',
  })
  @IsString()
  @Length(16, 256)
  secret!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  description?: string;
}
