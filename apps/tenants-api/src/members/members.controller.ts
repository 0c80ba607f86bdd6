import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import {
  ApiErrors,
  ApiIdempotent,
  ApiIfMatch,
  IfMatch,
  Idempotent,
  ParseUserIdPipe,
  TenantIdPipe,
  pageRequest,
} from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { AddMemberRequestDto, ListMembersQueryDto, UpdateMemberRequestDto } from './dto/member.request.dto';
import { MemberListResponseDto, MemberResponseDto } from './dto/member.response.dto';
import { presentMember } from './members.presenter';
import { memberRoutes } from './members.routes';
import { MembersService } from './members.service';

/** `/tenants/{t}/users...` is accepted as an alias of `/tenants/{t}/members...` (the original design's name). */
@ApiTags('members')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller(['v1.0/tenants/:tenantId/members', 'v1.0/tenants/:tenantId/users'])
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'List members (ADMIN, OPERATOR); filters role and teamId' })
  @ApiOkResponse({ type: MemberListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: ListMembersQueryDto,
  ): Promise<MemberListResponseDto> {
    const page = pageRequest(query);
    const result = await this.members.list(
      caller,
      tenantId,
      { role: query.role, teamId: query.teamId },
      page,
    );
    return presentPage(result, presentMember, {
      path: memberRoutes.collection(tenantId),
      query: { role: query.role, teamId: query.teamId },
      pageSize: page.pageSize,
    });
  }

  @Post()
  @Idempotent()
  @ApiOperation({
    summary:
      'Add a user of the identity directory as a member (ADMIN); 404 USER_NOT_FOUND, 409 ALREADY_MEMBER',
  })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: MemberResponseDto })
  @ApiErrors(409, 422)
  async add(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: AddMemberRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.members.add(caller, tenantId, body);
    void reply.header('Location', memberRoutes.member(tenantId, view.member.userId));
    return presentMember(view);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'A member with their teams (ADMIN, OPERATOR, or the member themselves)' })
  @ApiOkResponse({ type: MemberResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('userId', ParseUserIdPipe) userId: string,
  ) {
    return presentMember(await this.members.get(caller, tenantId, userId));
  }

  @Patch(':userId')
  @ApiOperation({ summary: 'Change role and/or teams (ADMIN); demoting the last ADMIN is 422 LAST_ADMIN' })
  @ApiIfMatch()
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrors(422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('userId', ParseUserIdPipe) userId: string,
    @Body() body: UpdateMemberRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentMember(await this.members.update(caller, tenantId, userId, body, ifMatch));
  }

  @Put(':userId')
  @ApiOperation({ summary: 'Alias of PATCH' })
  @ApiIfMatch()
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrors(422)
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('userId', ParseUserIdPipe) userId: string,
    @Body() body: UpdateMemberRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, tenantId, userId, body, ifMatch);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (ADMIN); removing the last ADMIN is 422 LAST_ADMIN' })
  @ApiIfMatch()
  @ApiNoContentResponse()
  @ApiErrors(422)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('userId', ParseUserIdPipe) userId: string,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    await this.members.remove(caller, tenantId, userId, ifMatch);
  }
}
