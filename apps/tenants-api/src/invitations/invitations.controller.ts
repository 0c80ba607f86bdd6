import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import {
  ApiErrors,
  ApiIdempotent,
  ApiIfMatch,
  IfMatch,
  Idempotent,
  ParseIdPipe,
  TenantIdPipe,
  pageRequest,
} from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { CreateInvitationRequestDto, ListInvitationsQueryDto } from './dto/invitation.request.dto';
import { InvitationListResponseDto, InvitationResponseDto } from './dto/invitation.response.dto';
import { presentInvitation } from './invitations.presenter';
import { invitationRoutes } from './invitations.routes';
import { InvitationsService } from './invitations.service';

const InvitationIdPipe = new ParseIdPipe('inv', 'invitationId');

@ApiTags('invitations')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary:
      'Invite someone by email (ADMIN); 409 DUPLICATE_INVITATION or ALREADY_MEMBER; the email holds the link',
  })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: InvitationResponseDto })
  @ApiErrors(409, 422)
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: CreateInvitationRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.invitations.create(caller, tenantId, body);
    void reply.header('Location', invitationRoutes.invitation(tenantId, view.invitation.invitationId));
    return presentInvitation(view);
  }

  @Get()
  @ApiOperation({ summary: 'Invitations, newest first (ADMIN); filter status' })
  @ApiOkResponse({ type: InvitationListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<InvitationListResponseDto> {
    const page = pageRequest(query);
    const result = await this.invitations.list(caller, tenantId, query.status, page);
    return presentPage(result, presentInvitation, {
      path: invitationRoutes.collection(tenantId),
      query: { status: query.status },
      pageSize: page.pageSize,
    });
  }

  @Get(':invitationId')
  @ApiOperation({ summary: 'An invitation (ADMIN)' })
  @ApiOkResponse({ type: InvitationResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('invitationId', InvitationIdPipe) invitationId: string,
  ) {
    return presentInvitation(await this.invitations.get(caller, tenantId, invitationId));
  }

  @Delete(':invitationId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a PENDING invitation (ADMIN); 422 otherwise' })
  @ApiIfMatch()
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiErrors(422)
  async cancel(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('invitationId', InvitationIdPipe) invitationId: string,
    @IfMatch() ifMatch?: number,
  ) {
    return presentInvitation(await this.invitations.cancel(caller, tenantId, invitationId, ifMatch));
  }

  @Post(':invitationId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resend with a new token and a fresh expiry (ADMIN, PENDING only, at most 3 times)',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiErrors(422)
  async resend(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('invitationId', InvitationIdPipe) invitationId: string,
    @IfMatch() ifMatch?: number,
  ) {
    return presentInvitation(await this.invitations.resend(caller, tenantId, invitationId, ifMatch));
  }
}
