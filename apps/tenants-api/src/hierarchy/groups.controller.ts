import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { GroupPath } from '@bbws/data-access-tenants';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, IfMatch, Idempotent, PageQueryDto, TenantIdPipe } from '@bbws/platform-http';
import { newId } from '@bbws/shared-util';
import {
  CreateHierarchyNodeRequestDto,
  DeleteHierarchyNodeQueryDto,
  UpdateHierarchyNodeRequestDto,
} from './dto/hierarchy-node.request.dto';
import { ApiHierarchyNode, HierarchyNodeEndpoints } from './hierarchy-node.endpoints';
import { DivisionIdPipe, GroupIdPipe } from './hierarchy-id.pipes';
import { hierarchyRoutes } from './hierarchy.routes';
import { HierarchyService } from './hierarchy.service';

const group = (divisionId: string, groupId: string): GroupPath => ({ level: 'GROUP', divisionId, groupId });

@ApiTags('hierarchy')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/divisions/:divisionId/groups')
export class GroupsController {
  private readonly nodes: HierarchyNodeEndpoints;

  constructor(hierarchy: HierarchyService) {
    this.nodes = new HierarchyNodeEndpoints(hierarchy);
  }

  @Get()
  @ApiHierarchyNode.list("A division's groups, by name (any member)")
  list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Query() query: PageQueryDto,
  ) {
    const parent = { level: 'DIVISION', divisionId } as const;
    return this.nodes.list(caller, tenantId, parent, query, hierarchyRoutes.groups(tenantId, divisionId));
  }

  @Post()
  @Idempotent()
  @ApiHierarchyNode.create('Create a group in a division (ADMIN); 100 per division at most')
  create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Body() body: CreateHierarchyNodeRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.nodes.create(caller, tenantId, group(divisionId, newId('grp')), body, reply);
  }

  @Get(':groupId')
  @ApiHierarchyNode.get('A group (any member)')
  get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
  ) {
    return this.nodes.get(caller, tenantId, group(divisionId, groupId));
  }

  @Patch(':groupId')
  @ApiHierarchyNode.update('Rename or describe a group (ADMIN)')
  update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.nodes.update(caller, tenantId, group(divisionId, groupId), body, ifMatch);
  }

  @Put(':groupId')
  @ApiHierarchyNode.update('Alias of PATCH: rename or describe a group (ADMIN)')
  replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.nodes.update(caller, tenantId, group(divisionId, groupId), body, ifMatch);
  }

  @Delete(':groupId')
  @HttpCode(204)
  @ApiHierarchyNode.remove('Delete a group (ADMIN); with teams only with ?cascade=true')
  remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Query() query: DeleteHierarchyNodeQueryDto,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    return this.nodes.remove(caller, tenantId, group(divisionId, groupId), query, ifMatch);
  }
}
