import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import {
  ApiErrors,
  ApiIdempotent,
  ApiIfMatch,
  IfMatch,
  Idempotent,
  PageQueryDto,
  TenantIdPipe,
  pageRequest,
} from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { ChangeTenantStatusRequestDto } from './dto/change-tenant-status.request.dto';
import { CreateTenantRequestDto } from './dto/create-tenant.request.dto';
import { ListTenantsQueryDto } from './dto/list-tenants.query.dto';
import {
  AuditEventListResponseDto,
  TenantListResponseDto,
  TenantResponseDto,
} from './dto/tenant.response.dto';
import { UpdateTenantRequestDto } from './dto/update-tenant.request.dto';
import { presentAuditEvent, presentTenant } from './tenants.presenter';
import { tenantRoutes } from './tenants.routes';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('v1.0/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a tenant (platform admin); status PENDING' })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: TenantResponseDto })
  @ApiErrors(409)
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateTenantRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.tenants.create(caller, body);
    void reply.header('Location', tenantRoutes.tenant(view.tenant.tenantId));
    return presentTenant(view);
  }

  @Get()
  @ApiOperation({ summary: 'List tenants: all for platform admins, your own otherwise' })
  @ApiOkResponse({ type: TenantListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListTenantsQueryDto,
  ): Promise<TenantListResponseDto> {
    const page = pageRequest(query);
    const result = await this.tenants.list(caller, { status: query.status, name: query.name }, page);
    return presentPage(result, presentTenant, {
      path: tenantRoutes.collection(),
      query: { status: query.status, name: query.name },
      pageSize: page.pageSize,
    });
  }

  @Get(':tenantId')
  @ApiOperation({ summary: 'A tenant (its members and platform admins)' })
  @ApiOkResponse({ type: TenantResponseDto })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('tenantId', TenantIdPipe) tenantId: string) {
    return presentTenant(await this.tenants.get(caller, tenantId));
  }

  @Patch(':tenantId')
  @ApiOperation({ summary: 'Update a tenant (tenant ADMIN; tier by platform admins)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: TenantResponseDto })
  @ApiErrors(404, 409, 422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: UpdateTenantRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentTenant(await this.tenants.update(caller, tenantId, body, ifMatch));
  }

  @Put(':tenantId')
  @ApiOperation({ summary: 'Alias of PATCH' })
  @ApiIfMatch()
  @ApiOkResponse({ type: TenantResponseDto })
  @ApiErrors(404, 409, 422)
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: UpdateTenantRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, tenantId, body, ifMatch);
  }

  @Patch(':tenantId/status')
  @ApiOperation({ summary: 'Override the status through the transition rules (platform admin)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: TenantResponseDto })
  @ApiErrors(404, 409, 422)
  async changeStatus(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: ChangeTenantStatusRequestDto,
    @Req() request: FastifyRequest,
    @IfMatch() ifMatch?: number,
  ) {
    return presentTenant(
      await this.tenants.changeStatus(
        caller,
        tenantId,
        body.status,
        String(request.id),
        body.reason,
        ifMatch,
      ),
    );
  }

  @Get(':tenantId/audit')
  @ApiOperation({ summary: 'Audit events, newest first (tenant ADMIN)' })
  @ApiOkResponse({ type: AuditEventListResponseDto })
  @ApiErrors(404)
  async audit(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: PageQueryDto,
  ): Promise<AuditEventListResponseDto> {
    const page = pageRequest(query);
    const result = await this.tenants.listAudit(caller, tenantId, page);
    return presentPage(result, presentAuditEvent, {
      path: tenantRoutes.audit(tenantId),
      query: {},
      pageSize: page.pageSize,
    });
  }
}
