import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, PageQueryDto, TenantIdPipe, pageRequest } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { DivisionIdPipe, GroupIdPipe, TeamIdPipe } from '../hierarchy/hierarchy-id.pipes';
import { hierarchyRoutes } from '../hierarchy/hierarchy.routes';
import { MemberListResponseDto } from './dto/member.response.dto';
import { presentMember } from './members.presenter';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/divisions/:divisionId/groups/:groupId/teams/:teamId/members')
export class TeamMembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: "A team's members (any member of the tenant)" })
  @ApiOkResponse({ type: MemberListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('teamId', TeamIdPipe) teamId: string,
    @Query() query: PageQueryDto,
  ): Promise<MemberListResponseDto> {
    const page = pageRequest(query);
    const result = await this.members.listTeam(
      caller,
      tenantId,
      { level: 'TEAM', divisionId, groupId, teamId },
      page,
    );
    return presentPage(result, presentMember, {
      path: hierarchyRoutes.teamMembers(tenantId, divisionId, groupId, teamId),
      query: {},
      pageSize: page.pageSize,
    });
  }
}
