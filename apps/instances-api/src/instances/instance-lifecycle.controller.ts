import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import {
  ChangeInstanceRunStateRequestDto,
  InstanceNoteRequestDto,
  InstanceReasonRequestDto,
} from './dto/instance.request.dto';
import { accepted, actionRequest } from './accepted';
import { InstanceIdPipe } from './instance-id.pipe';
import { InstanceActions, type LifecycleAction } from './use-cases/instance-actions';

/** Suspend, resume, park, unpark (and the PUT .../status alias), platform admins: 202 with the operation. */
@ApiTags('instance actions')
@ApiBearerAuth()
@ApiAcceptedResponse({ type: OperationResponseDto })
@ApiErrors(400, 401, 403, 404, 409, 422)
@Controller('v1.0/tenants/:tenantId/instances/:instanceId')
export class InstanceLifecycleController {
  constructor(private readonly actions: InstanceActions) {}

  @Put('status')
  @HttpCode(202)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Alias: `stop` suspends (reason required), `start` resumes (platform admin)' })
  async runState(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: ChangeInstanceRunStateRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const action: LifecycleAction = body.action === 'stop' ? 'SUSPEND' : 'RESUME';
    return this.lifecycle(caller, tenantId, instanceId, action, body.reason, reply, ifMatch);
  }

  @Post('suspend')
  @HttpCode(202)
  @ApiIfMatch()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary: 'Suspend an ACTIVE instance, scaled to zero behind the maintenance page (platform admin)',
  })
  suspend(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: InstanceReasonRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.lifecycle(caller, tenantId, instanceId, 'SUSPEND', body.reason, reply, ifMatch);
  }

  @Post('resume')
  @HttpCode(202)
  @ApiIfMatch()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({ summary: 'Resume a SUSPENDED instance; a PARKED one is unparked instead (platform admin)' })
  resume(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: InstanceNoteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.lifecycle(caller, tenantId, instanceId, 'RESUME', body.reason, reply, ifMatch);
  }

  @Post('park')
  @HttpCode(202)
  @ApiIfMatch()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary: 'Park an ACTIVE instance, scaled to zero behind the maintenance page (platform admin)',
  })
  park(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: InstanceReasonRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.lifecycle(caller, tenantId, instanceId, 'PARK', body.reason, reply, ifMatch);
  }

  @Post('unpark')
  @HttpCode(202)
  @ApiIfMatch()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({ summary: 'Unpark a PARKED instance (platform admin)' })
  unpark(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: InstanceNoteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.lifecycle(caller, tenantId, instanceId, 'UNPARK', body.reason, reply, ifMatch);
  }

  private async lifecycle(
    caller: Caller,
    tenantId: string,
    instanceId: string,
    action: LifecycleAction,
    reason: string | undefined,
    reply: FastifyReply,
    ifMatch: number | undefined,
  ) {
    const request = actionRequest(caller, tenantId, instanceId, reply, ifMatch);
    return accepted(reply, await this.actions.lifecycle(request, action, reason));
  }
}
