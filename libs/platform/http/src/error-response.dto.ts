import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ErrorDto {
  @ApiProperty({ example: 'VALIDATION_ERROR', description: 'Stable machine-readable code (API.md)' })
  code!: string;

  @ApiProperty({ example: 'organizationName must be 2-100 characters' })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Per-code details, e.g. the failing fields',
  })
  details?: Record<string, unknown>;
}

/** The error envelope every 4xx/5xx answer carries (OpenAPI only; the filter builds the body). */
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDto })
  error!: ErrorDto;

  @ApiProperty({ example: '0b5d6f2c-3e0a-4d8e-9d51-3f1c2a7e9b10', description: 'Echoes X-Request-Id' })
  requestId!: string;

  @ApiProperty({ format: 'date-time' })
  timestamp!: string;
}
