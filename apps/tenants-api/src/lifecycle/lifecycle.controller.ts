import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto, operationRoutes, presentOperation } from '@bbws/platform-operations';
import type { Operation, TenantStatusAction } from '@bbws/shared-contracts';
import { LifecycleNoteRequestDto, LifecycleReasonRequestDto } from './dto/lifecycle-reason.request.dto';
import { LifecycleService } from './lifecycle.service';

/** POST /v1.0/tenants/{t}/lifecycle/{action}: 202 with the operation and its Location. Platform admins. */
@ApiTags('tenant lifecycle')
@ApiBearerAuth()
@ApiIdempotent()
@ApiErrors(400, 401, 403, 404, 409, 422)
@Controller('v1.0/tenants/:tenantId/lifecycle')
export class LifecycleController {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Post('suspend')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: 'Suspend an ACTIVE tenant and its instances (platform admin)' })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  suspend(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: LifecycleReasonRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.accept(caller, tenantId, 'SUSPEND', body.reason, reply);
  }

  @Post('resume')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: 'Resume a SUSPENDED tenant (platform admin)' })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  resume(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: LifecycleNoteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.accept(caller, tenantId, 'RESUME', body.reason, reply);
  }

  @Post('park')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary: 'Park an ACTIVE tenant, its instances scaled to zero behind a maintenance page (platform admin)',
  })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  park(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: LifecycleReasonRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.accept(caller, tenantId, 'PARK', body.reason, reply);
  }

  @Post('unpark')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: 'Unpark a PARKED tenant (platform admin)' })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  unpark(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: LifecycleNoteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.accept(caller, tenantId, 'UNPARK', body.reason, reply);
  }

  private async accept(
    caller: Caller,
    tenantId: string,
    action: TenantStatusAction,
    reason: string | undefined,
    reply: FastifyReply,
  ) {
    const operation: Operation = await this.lifecycle.request(
      caller,
      tenantId,
      action,
      reason,
      String(reply.request.id),
    );
    void reply.header('Location', operationRoutes.operation(operation.operationId));
    return presentOperation(operation, { canCancel: true });
  }
}
