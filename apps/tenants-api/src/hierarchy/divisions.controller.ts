import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DivisionPath } from '@bbws/data-access-tenants';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { IfMatch, Idempotent, PageQueryDto, TenantIdPipe, pageRequest } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { newId } from '@bbws/shared-util';
import {
  CreateHierarchyNodeRequestDto,
  DeleteHierarchyNodeQueryDto,
  UpdateHierarchyNodeRequestDto,
} from './dto/hierarchy-node.request.dto';
import { HierarchyNodeResponseDto } from './dto/hierarchy-node.response.dto';
import { DivisionIdPipe } from './hierarchy-id.pipes';
import { presentNode } from './hierarchy.presenter';
import { hierarchyRoutes } from './hierarchy.routes';
import { HierarchyService } from './hierarchy.service';

export const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'ETag ("<version>") you read; 412 if stale',
};

const division = (divisionId: string): DivisionPath => ({ level: 'DIVISION', divisionId });

@ApiTags('hierarchy')
@ApiBearerAuth()
@Controller('v1.0/tenants/:tenantId/divisions')
export class DivisionsController {
  constructor(private readonly hierarchy: HierarchyService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's divisions, by name (any member)" })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: PageQueryDto,
  ) {
    const page = pageRequest(query);
    const result = await this.hierarchy.list(caller, tenantId, null, page);
    return presentPage(result, presentNode, {
      path: hierarchyRoutes.divisions(tenantId),
      query: {},
      pageSize: page.pageSize,
    });
  }

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Create a division (ADMIN); names are unique among siblings, 100 per tenant at most',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: CreateHierarchyNodeRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.hierarchy.create(caller, tenantId, division(newId('div')), body);
    void reply.header('Location', hierarchyRoutes.node(tenantId, view.node.path));
    return presentNode(view);
  }

  @Get(':divisionId')
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
  ) {
    return presentNode(await this.hierarchy.get(caller, tenantId, division(divisionId)));
  }

  @Patch(':divisionId')
  @ApiOperation({ summary: 'Rename or describe a division (ADMIN)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentNode(await this.hierarchy.update(caller, tenantId, division(divisionId), body, ifMatch));
  }

  @Put(':divisionId')
  @ApiOperation({ summary: 'Alias of PATCH: rename or describe a division (ADMIN)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, tenantId, divisionId, body, ifMatch);
  }

  @Delete(':divisionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a division (ADMIN); with groups only with ?cascade=true' })
  @ApiHeader(IF_MATCH)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Query() query: DeleteHierarchyNodeQueryDto,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    await this.hierarchy.delete(caller, tenantId, division(divisionId), query.cascade === 'true', ifMatch);
  }
}
