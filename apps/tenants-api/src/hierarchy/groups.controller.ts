import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DivisionPath, GroupPath } from '@bbws/data-access-tenants';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { IfMatch, Idempotent, PageQueryDto, TenantIdPipe, pageRequest } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { newId } from '@bbws/shared-util';
import { IF_MATCH } from './divisions.controller';
import {
  CreateHierarchyNodeRequestDto,
  DeleteHierarchyNodeQueryDto,
  UpdateHierarchyNodeRequestDto,
} from './dto/hierarchy-node.request.dto';
import { HierarchyNodeResponseDto } from './dto/hierarchy-node.response.dto';
import { DivisionIdPipe, GroupIdPipe } from './hierarchy-id.pipes';
import { presentNode } from './hierarchy.presenter';
import { hierarchyRoutes } from './hierarchy.routes';
import { HierarchyService } from './hierarchy.service';

const group = (divisionId: string, groupId: string): GroupPath => ({ level: 'GROUP', divisionId, groupId });

@ApiTags('hierarchy')
@ApiBearerAuth()
@Controller('v1.0/tenants/:tenantId/divisions/:divisionId/groups')
export class GroupsController {
  constructor(private readonly hierarchy: HierarchyService) {}

  @Get()
  @ApiOperation({ summary: "A division's groups, by name (any member)" })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Query() query: PageQueryDto,
  ) {
    const page = pageRequest(query);
    const parent: DivisionPath = { level: 'DIVISION', divisionId };
    const result = await this.hierarchy.list(caller, tenantId, parent, page);
    return presentPage(result, presentNode, {
      path: hierarchyRoutes.groups(tenantId, divisionId),
      query: {},
      pageSize: page.pageSize,
    });
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a group in a division (ADMIN); 100 per division at most' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Body() body: CreateHierarchyNodeRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.hierarchy.create(caller, tenantId, group(divisionId, newId('grp')), body);
    void reply.header('Location', hierarchyRoutes.node(tenantId, view.node.path));
    return presentNode(view);
  }

  @Get(':groupId')
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
  ) {
    return presentNode(await this.hierarchy.get(caller, tenantId, group(divisionId, groupId)));
  }

  @Patch(':groupId')
  @ApiOperation({ summary: 'Rename or describe a group (ADMIN)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentNode(
      await this.hierarchy.update(caller, tenantId, group(divisionId, groupId), body, ifMatch),
    );
  }

  @Put(':groupId')
  @ApiOperation({ summary: 'Alias of PATCH: rename or describe a group (ADMIN)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, tenantId, divisionId, groupId, body, ifMatch);
  }

  @Delete(':groupId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a group (ADMIN); with teams only with ?cascade=true' })
  @ApiHeader(IF_MATCH)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Query() query: DeleteHierarchyNodeQueryDto,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    await this.hierarchy.delete(
      caller,
      tenantId,
      group(divisionId, groupId),
      query.cascade === 'true',
      ifMatch,
    );
  }
}
