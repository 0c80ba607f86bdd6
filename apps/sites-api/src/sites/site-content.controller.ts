import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { link } from '@bbws/shared-hateoas';
import {
  ApplyTemplateRequestDto,
  CloneSiteRequestDto,
  PromoteSiteRequestDto,
} from './dto/site-actions.request.dto';
import { accepted, siteRequest } from './accepted';
import { SiteIdPipe } from './site-id.pipe';
import { siteRoutes } from './sites.routes';
import { ApplyTemplate } from './use-cases/apply-template';
import { CloneSite } from './use-cases/clone-site';
import { PromoteSite } from './use-cases/promote-site';

/** Content moves between sites: clone, promote, apply a template (202 with the operation). */
@ApiTags('sites')
@ApiBearerAuth()
@ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
@ApiErrors(400, 401, 403, 404, 409, 422)
@Controller('v1.0/tenants/:tenantId/sites/:siteId')
export class SiteContentController {
  constructor(
    private readonly cloning: CloneSite,
    private readonly promotion: PromoteSite,
    private readonly templates: ApplyTemplate,
  ) {}

  @Post('clone')
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'Copy an ACTIVE site (no operation running on it) to a new site (ADMIN, OPERATOR; a PROD copy: ADMIN): ' +
      "SITE_CLONE runs on the new site (resourceId, _links.resource); environment defaults to the source's. " +
      'The same rules as creation: 409 SUBDOMAIN_TAKEN, 422 INSTANCE_NOT_READY, QUOTA_EXCEEDED, TENANT_NOT_ACTIVE',
  })
  async clone(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: CloneSiteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const operation = await this.cloning.clone(siteRequest(caller, tenantId, siteId, reply), body);
    return accepted(reply, operation, { source: link(siteRoutes.site(tenantId, siteId)) });
  }

  @Post('promote')
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiIfMatch()
  @ApiOperation({
    summary:
      "Promote an ACTIVE site's content DEV→SIT or SIT→PROD (ADMIN): SITE_PROMOTION on this site; the target " +
      '(the same subdomain in the target environment, _links.target) is created PROVISIONING on the first ' +
      'promotion and must be ACTIVE afterwards (422 PROMOTION_TARGET_NOT_READY). 422 INVALID_PROMOTION_PATH, ' +
      'INSTANCE_NOT_READY, QUOTA_EXCEEDED',
  })
  async promote(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: PromoteSiteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    const { operation, targetSiteId } = await this.promotion.promote(request, body);
    return accepted(reply, operation, { target: link(siteRoutes.site(tenantId, targetSiteId)) });
  }

  @Post('apply-template')
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Apply a PUBLISHED template to an ACTIVE site (ADMIN, OPERATOR): TEMPLATE_APPLICATION. A site that has ' +
      'content (a template applied before, or promoted content) needs confirmReplacement: true (422 ' +
      'REPLACEMENT_NOT_CONFIRMED); PROD: 422 PROD_CONTENT_LOCKED except for platform admins; 422 ' +
      'TEMPLATE_NOT_AVAILABLE, INCOMPATIBLE_WORDPRESS',
  })
  async applyTemplate(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: ApplyTemplateRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    return accepted(reply, await this.templates.apply(request, body));
  }
}
