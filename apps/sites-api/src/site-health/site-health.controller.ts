import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, TenantIdPipe } from '@bbws/platform-http';
import { link, links } from '@bbws/shared-hateoas';
import { SiteIdPipe } from '../sites/site-id.pipe';
import { SiteHealthResponseDto } from './dto/site-health.response.dto';
import { SiteHealthService } from './site-health.service';

const sitePath = (tenantId: string, siteId: string) => `/v1.0/tenants/${tenantId}/sites/${siteId}`;

/** A site's live health (members). */
@ApiTags('sites')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('v1.0/tenants/:tenantId/sites/:siteId/health')
export class SiteHealthController {
  constructor(private readonly health: SiteHealthService) {}

  @Get()
  @ApiOperation({
    summary:
      "The site's live health (members): its home page through the front door (10 s timeout) and WordPress's " +
      'site health through the agent, summarised; the status is kept on the site as healthStatus',
  })
  @ApiOkResponse({ type: SiteHealthResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
  ): Promise<SiteHealthResponseDto> {
    const { report } = await this.health.check(caller, tenantId, siteId);
    return {
      ...report,
      _links: links([
        ['self', link(`${sitePath(tenantId, siteId)}/health`)],
        ['site', link(sitePath(tenantId, siteId))],
      ]),
    };
  }
}
