import { Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { Public } from '@bbws/platform-bootstrap';
import { ApiErrors, ErrorResponseDto } from '@bbws/platform-http';
import { MemberResponseDto } from '../members/dto/member.response.dto';
import { presentMember } from '../members/members.presenter';
import { InvitationPreviewResponseDto } from './dto/invitation.response.dto';
import { InvitationRateLimitGuard } from './invitation-rate-limit.guard';
import { InvitationResponsesService } from './invitation-responses.service';
import { InvitationTokenPipe } from './invitation-token.pipe';

const FORBIDDEN_ANSWER =
  "EMAIL_NOT_VERIFIED when the token does not carry a verified email (email_verified); FORBIDDEN when the verified email is not the invitee's";

/** The invitee's routes, reached with the token from the email link; rate limited per client IP. */
@ApiTags('invitations')
@Controller('v1.0/invitations/:token')
@UseGuards(InvitationRateLimitGuard)
@ApiErrors(400, 404, 410, 429)
export class InvitationTokenController {
  constructor(private readonly responses: InvitationResponsesService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'What the invitation is for (no sign-in needed); 404 unknown, 410 INVITATION_EXPIRED',
    security: [],
  })
  @ApiOkResponse({ type: InvitationPreviewResponseDto })
  async preview(@Param('token', InvitationTokenPipe) token: string) {
    return this.responses.preview(token);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Accept as the signed-in invitee: the membership is created; 410 expired, 409 answered or cancelled',
  })
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrors(401, 409)
  @ApiForbiddenResponse({ description: FORBIDDEN_ANSWER, type: ErrorResponseDto })
  async accept(
    @CurrentCaller() caller: Caller,
    @Param('token', InvitationTokenPipe) token: string,
    @Req() request: FastifyRequest,
  ) {
    return presentMember(await this.responses.accept(caller, token, String(request.id)));
  }

  @Post('decline')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Decline as the signed-in invitee' })
  @ApiOkResponse({ type: InvitationPreviewResponseDto })
  @ApiErrors(401, 409)
  @ApiForbiddenResponse({ description: FORBIDDEN_ANSWER, type: ErrorResponseDto })
  async decline(@CurrentCaller() caller: Caller, @Param('token', InvitationTokenPipe) token: string) {
    return this.responses.decline(caller, token);
  }
}
