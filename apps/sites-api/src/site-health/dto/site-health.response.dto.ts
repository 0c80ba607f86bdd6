import { ApiProperty } from '@nestjs/swagger';
import { SITE_HEALTH_STATUSES } from '@bbws/data-access-sites';

export class SiteHealthCheckDto {
  @ApiProperty({
    example: 'home_page',
    description:
      'home_page; the agent platform checks database, uploads_writable, active_theme, last_request; ' +
      "core:{test} for WordPress's Site Health findings that are not good; wordpress_agent when the agent failed",
  })
  name!: string;

  @ApiProperty({ enum: ['PASS', 'WARN', 'FAIL'] })
  status!: 'PASS' | 'WARN' | 'FAIL';

  @ApiProperty()
  message!: string;
}

export class SiteHealthResponseDto {
  @ApiProperty({
    enum: SITE_HEALTH_STATUSES,
    description:
      'UNHEALTHY: home page 5xx, unreachable or showing a PHP fatal, or a critical finding / failing platform check; ' +
      'DEGRADED: recommended findings, a 4xx home page or one slower than 3 s; UNKNOWN: the agent cannot be reached ' +
      'or the site (or its instance) is not ACTIVE',
  })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The home page's response time (null: no answer)",
  })
  responseTimeMs!: number | null;

  @ApiProperty({ type: [SiteHealthCheckDto] })
  checks!: SiteHealthCheckDto[];

  @ApiProperty({ example: { self: { href: '/v1.0/tenants/tenant-1/sites/site-1/health' } } })
  _links!: Record<string, { href: string; method?: string }>;
}
