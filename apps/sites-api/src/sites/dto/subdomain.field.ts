import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotIn, IsString, Matches } from 'class-validator';
import { RESERVED_SUBDOMAINS, SUBDOMAIN_PATTERN } from '../site.rules';

/** A new site's subdomain (create, clone): one DNS label, lower-cased and trimmed, no reserved word. */
export function SubdomainField(example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      pattern: SUBDOMAIN_PATTERN.source,
      example,
      description: `Unique platform-wide; case-insensitive (stored lower-case); reserved: ${RESERVED_SUBDOMAINS.join(', ')}`,
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toLowerCase() : value,
    ),
    IsString(),
    Matches(SUBDOMAIN_PATTERN, {
      message: 'subdomain must be 3-63 lower-case letters, digits or inner hyphens',
    }),
    IsNotIn(RESERVED_SUBDOMAINS, { message: 'subdomain is reserved' }),
  );
}
