import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { ChangeSiteStatusRequestDto, DeleteSiteQueryDto } from './dto/site-actions.request.dto';
import { PatchSiteRequestDto, PutSiteRequestDto } from './dto/site-settings.request.dto';
import { accepted, siteRequest } from './accepted';
import { SiteIdPipe } from './site-id.pipe';
import { RetrySite } from './use-cases/retry-site';
import { SiteLifecycle } from './use-cases/site-lifecycle';

/** Settings, status, deletion and retry of a site: 202 with the operation the site workers run. */
@ApiTags('sites')
@ApiBearerAuth()
@ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
@ApiErrors(400, 401, 403, 404, 409, 422)
@Controller('v1.0/tenants/:tenantId/sites/:siteId')
export class SiteLifecycleController {
  constructor(
    private readonly lifecycle: SiteLifecycle,
    private readonly retries: RetrySite,
  ) {}

  @Patch()
  @HttpCode(202)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Change the site name and WordPress settings (ADMIN, OPERATOR): SITE_UPDATE with only the given fields, ' +
      'merged. ACTIVE sites only (422 INVALID_SITE_STATE); PROD sites: 422 PROD_CONTENT_LOCKED except for ' +
      'platform admins (PROD content arrives by promotion, restore or plugin actions)',
  })
  update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: PatchSiteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.launch(
      reply,
      this.lifecycle.update(siteRequest(caller, tenantId, siteId, reply, ifMatch), body),
    );
  }

  @Put()
  @HttpCode(202)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Replace the site name and every WordPress setting (title, tagline, timezone, language all required): ' +
      'SITE_UPDATE; same rules as PATCH',
  })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: PutSiteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.launch(
      reply,
      this.lifecycle.replace(siteRequest(caller, tenantId, siteId, reply, ifMatch), body),
    );
  }

  @Delete()
  @HttpCode(202)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Delete an ACTIVE, SUSPENDED or FAILED site (ADMIN): the site goes DEPROVISIONING, SITE_DELETION backs ' +
      'it up, then removes it; a PROD site stays soft-deleted for 24 h (undo: PUT .../status ACTIVE) unless ' +
      '`force=true`, which a tenant ADMIN may send',
  })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Query() query: DeleteSiteQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    return this.launch(reply, this.lifecycle.delete(request, query.force === 'true'));
  }

  @Put('status')
  @HttpCode(202)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Suspend (ACTIVE → SUSPENDED) or resume (SUSPENDED → ACTIVE) a site, or bring back a PROD site within ' +
      'its 24 h soft delete (DEPROVISIONING → ACTIVE); ADMIN: SITE_STATUS_CHANGE. The same status or any ' +
      'other move: 422 INVALID_STATUS_TRANSITION with allowedTransitions',
  })
  changeStatus(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: ChangeSiteStatusRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    return this.launch(reply, this.lifecycle.changeStatus(request, body));
  }

  @Post('retry')
  @HttpCode(202)
  @ApiIfMatch()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'Re-run the failed creation or clone of a FAILED site on the same site (ADMIN, OPERATOR; PROD: ADMIN): ' +
      "a new SITE_CREATION or SITE_CLONE with the failed one's payload, the site PROVISIONING. 422 " +
      'RETRY_NOT_AVAILABLE for other failures (a failed deletion: DELETE again), SOURCE_NOT_ACTIVE for a ' +
      'clone whose source is no longer ACTIVE',
  })
  retry(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    return this.launch(reply, this.retries.retry(request));
  }

  private async launch(reply: FastifyReply, operation: ReturnType<SiteLifecycle['update']>) {
    return accepted(reply, await operation);
  }
}
