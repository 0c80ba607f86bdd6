import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, PageQueryDto, ParseUserIdPipe, pageRequest } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { MeResponseDto, UserResponseDto, UserTenantListResponseDto } from './dto/user.response.dto';
import { presentMe, presentUser, presentUserTenant } from './users.presenter';
import { userRoutes } from './users.routes';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('v1.0/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: "The caller's profile and memberships" })
  @ApiOkResponse({ type: MeResponseDto })
  async me(@CurrentCaller() caller: Caller) {
    return presentMe(await this.users.me(caller));
  }

  @Get(':userId')
  @ApiOperation({
    summary: 'A profile: yourself, platform admins, or an ADMIN of a tenant the user belongs to',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(400, 403, 404)
  async get(@CurrentCaller() caller: Caller, @Param('userId', ParseUserIdPipe) userId: string) {
    return presentUser(await this.users.get(caller, userId));
  }

  @Get(':userId/tenants')
  @ApiOperation({
    summary: "A user's tenants with their role (the user or platform admins); `me` is the caller",
  })
  @ApiOkResponse({ type: UserTenantListResponseDto })
  @ApiErrors(400, 403, 404)
  async tenants(
    @CurrentCaller() caller: Caller,
    @Param('userId', ParseUserIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<UserTenantListResponseDto> {
    const page = pageRequest(query);
    const subject = userId === 'me' ? caller.userId : userId;
    const result = await this.users.listTenants(caller, subject, page);
    return presentPage(result, presentUserTenant, {
      path: userRoutes.tenants(subject),
      query: {},
      pageSize: page.pageSize,
    });
  }
}
