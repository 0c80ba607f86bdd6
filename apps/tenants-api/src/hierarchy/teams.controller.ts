import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { TeamPath } from '@bbws/data-access-tenants';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, IfMatch, Idempotent, PageQueryDto, TenantIdPipe } from '@bbws/platform-http';
import { newId } from '@bbws/shared-util';
import {
  CreateHierarchyNodeRequestDto,
  DeleteHierarchyNodeQueryDto,
  UpdateHierarchyNodeRequestDto,
} from './dto/hierarchy-node.request.dto';
import { ApiHierarchyNode, HierarchyNodeEndpoints } from './hierarchy-node.endpoints';
import { DivisionIdPipe, GroupIdPipe, TeamIdPipe } from './hierarchy-id.pipes';
import { hierarchyRoutes } from './hierarchy.routes';
import { HierarchyService } from './hierarchy.service';

const team = (divisionId: string, groupId: string, teamId: string): TeamPath => ({
  level: 'TEAM',
  divisionId,
  groupId,
  teamId,
});

@ApiTags('hierarchy')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/divisions/:divisionId/groups/:groupId/teams')
export class TeamsController {
  private readonly nodes: HierarchyNodeEndpoints;

  constructor(hierarchy: HierarchyService) {
    this.nodes = new HierarchyNodeEndpoints(hierarchy);
  }

  @Get()
  @ApiHierarchyNode.list("A group's teams, by name, with member counts (any member)")
  list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Query() query: PageQueryDto,
  ) {
    const parent = { level: 'GROUP', divisionId, groupId } as const;
    return this.nodes.list(
      caller,
      tenantId,
      parent,
      query,
      hierarchyRoutes.teams(tenantId, divisionId, groupId),
    );
  }

  @Post()
  @Idempotent()
  @ApiHierarchyNode.create('Create a team in a group (ADMIN); 100 per group at most')
  create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Body() body: CreateHierarchyNodeRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.nodes.create(caller, tenantId, team(divisionId, groupId, newId('team')), body, reply);
  }

  @Get(':teamId')
  @ApiHierarchyNode.get('A team with its member count (any member)')
  get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
  ) {
    return this.nodes.get(caller, tenantId, team(divisionId, groupId, teamId));
  }

  @Patch(':teamId')
  @ApiHierarchyNode.update('Rename or describe a team (ADMIN)')
  update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.nodes.update(caller, tenantId, team(divisionId, groupId, teamId), body, ifMatch);
  }

  @Put(':teamId')
  @ApiHierarchyNode.update('Alias of PATCH: rename or describe a team (ADMIN)')
  replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.nodes.update(caller, tenantId, team(divisionId, groupId, teamId), body, ifMatch);
  }

  @Delete(':teamId')
  @HttpCode(204)
  @ApiHierarchyNode.remove(
    'Delete a team (ADMIN); with members only with ?cascade=true (their assignments go)',
  )
  remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Query() query: DeleteHierarchyNodeQueryDto,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    return this.nodes.remove(caller, tenantId, team(divisionId, groupId, teamId), query, ifMatch);
  }
}
