import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { ScaleInstanceRequestDto } from './dto/instance.request.dto';
import { accepted, actionRequest } from './accepted';
import { InstanceIdPipe } from './instance-id.pipe';
import { InstanceActions } from './use-cases/instance-actions';
import { RetryInstance } from './use-cases/retry-instance';

/** Scale and retry (platform admins): 202 with the operation and its Location. */
@ApiTags('instance actions')
@ApiBearerAuth()
@ApiAcceptedResponse({ type: OperationResponseDto })
@ApiErrors(400, 401, 403, 404, 409, 422)
@Controller('v1.0/tenants/:tenantId/instances/:instanceId')
export class InstanceActionsController {
  constructor(
    private readonly actions: InstanceActions,
    private readonly retries: RetryInstance,
  ) {}

  @Put('size')
  @HttpCode(202)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Scale to a desired count, 2-10 in PROD, 1-10 elsewhere (platform admin): INSTANCE_SCALE',
  })
  async scale(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: ScaleInstanceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = actionRequest(caller, tenantId, instanceId, reply, ifMatch);
    return accepted(reply, await this.actions.scale(request, body.desiredCount));
  }

  @Post('retry')
  @HttpCode(202)
  @ApiIfMatch()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary: 'Re-run the operation that left the instance FAILED or WORKFLOW_FAILED (platform admin)',
  })
  async retry(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = actionRequest(caller, tenantId, instanceId, reply, ifMatch);
    return accepted(reply, await this.retries.retry(request));
  }
}
