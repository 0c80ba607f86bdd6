import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, Idempotent, TenantIdPipe, pageRequest } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { CreateSiteRequestDto } from './dto/create-site.request.dto';
import { ListSitesQueryDto } from './dto/list-sites.query.dto';
import { SiteListResponseDto, SiteResponseDto } from './dto/site.response.dto';
import { SiteStatusResponseDto } from './dto/site-status.response.dto';
import { accepted } from './accepted';
import { SiteIdPipe } from './site-id.pipe';
import { presentSite, presentSiteList, presentSiteStatus } from './sites.presenter';
import { SitesService } from './sites.service';
import { CreateSite } from './use-cases/create-site';

/** A tenant's sites: members read; ADMIN and OPERATOR create (PROD: ADMIN). */
@ApiTags('sites')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('v1.0/tenants/:tenantId/sites')
export class SitesController {
  constructor(
    private readonly sites: SitesService,
    private readonly creation: CreateSite,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's sites, filtered by environment and status, in pages (members)" })
  @ApiOkResponse({ type: SiteListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: ListSitesQueryDto,
  ) {
    const page = pageRequest(query);
    const filter = { environment: query.environment, status: query.status };
    const result = await this.sites.list(caller, tenantId, filter, page);
    return presentSiteList(tenantId, result.access, result.page, { ...filter, pageSize: page.pageSize });
  }

  @Post()
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'Create a site on the ACTIVE instance of the environment (ADMIN, OPERATOR; PROD: ADMIN): SITE_CREATION. ' +
      '409 SUBDOMAIN_TAKEN / PLUGIN_CONFLICT; 422 INSTANCE_NOT_READY, QUOTA_EXCEEDED (details.quota), ' +
      'TEMPLATE_NOT_AVAILABLE, PLUGIN_BLOCKLISTED, PLUGIN_VULNERABLE, INCOMPATIBLE_WORDPRESS, PLUGIN_NOT_AVAILABLE, ' +
      'TENANT_NOT_ACTIVE',
  })
  @ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
  @ApiErrors(403, 409, 422)
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: CreateSiteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.creation.create(caller, tenantId, body, String(reply.request.id)));
  }

  @Get(':siteId')
  @ApiOperation({ summary: 'A site (members); ETag is its version' })
  @ApiOkResponse({ type: SiteResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
  ) {
    return presentSite(await this.sites.get(caller, tenantId, siteId));
  }

  @Get(':siteId/status')
  @ApiOperation({ summary: "The site's status and the running operation's progress (members)" })
  @ApiOkResponse({ type: SiteStatusResponseDto })
  async status(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
  ) {
    return presentSiteStatus(await this.sites.status(caller, tenantId, siteId));
  }
}
