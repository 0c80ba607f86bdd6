import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { GroupPath, TeamPath } from '@bbws/data-access-tenants';
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
import { DivisionIdPipe, GroupIdPipe, TeamIdPipe } from './hierarchy-id.pipes';
import { presentNode } from './hierarchy.presenter';
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
@Controller('v1.0/tenants/:tenantId/divisions/:divisionId/groups/:groupId/teams')
export class TeamsController {
  constructor(private readonly hierarchy: HierarchyService) {}

  @Get()
  @ApiOperation({ summary: "A group's teams, by name, with member counts (any member)" })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Query() query: PageQueryDto,
  ) {
    const page = pageRequest(query);
    const parent: GroupPath = { level: 'GROUP', divisionId, groupId };
    const result = await this.hierarchy.list(caller, tenantId, parent, page);
    return presentPage(result, presentNode, {
      path: hierarchyRoutes.teams(tenantId, divisionId, groupId),
      query: {},
      pageSize: page.pageSize,
    });
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a team in a group (ADMIN); 100 per group at most' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Body() body: CreateHierarchyNodeRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.hierarchy.create(
      caller,
      tenantId,
      team(divisionId, groupId, newId('team')),
      body,
    );
    void reply.header('Location', hierarchyRoutes.node(tenantId, view.node.path));
    return presentNode(view);
  }

  @Get(':teamId')
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
  ) {
    return presentNode(await this.hierarchy.get(caller, tenantId, team(divisionId, groupId, teamId)));
  }

  @Patch(':teamId')
  @ApiOperation({ summary: 'Rename or describe a team (ADMIN)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentNode(
      await this.hierarchy.update(caller, tenantId, team(divisionId, groupId, teamId), body, ifMatch),
    );
  }

  @Put(':teamId')
  @ApiOperation({ summary: 'Alias of PATCH: rename or describe a team (ADMIN)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: HierarchyNodeResponseDto })
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, tenantId, divisionId, groupId, teamId, body, ifMatch);
  }

  @Delete(':teamId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a team (ADMIN); with members only with ?cascade=true (their assignments go)',
  })
  @ApiHeader(IF_MATCH)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Query() query: DeleteHierarchyNodeQueryDto,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    await this.hierarchy.delete(
      caller,
      tenantId,
      team(divisionId, groupId, teamId),
      query.cascade === 'true',
      ifMatch,
    );
  }
}
