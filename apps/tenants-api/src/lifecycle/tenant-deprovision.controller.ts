import { Controller, Delete, HttpCode, Param, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIfMatch, IfMatch, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto, operationRoutes, presentOperation } from '@bbws/platform-operations';
import { TenantResponseDto } from '../tenants/dto/tenant.response.dto';
import { presentTenant } from '../tenants/tenants.presenter';
import { LifecycleService } from './lifecycle.service';

/** DELETE /v1.0/tenants/{t}: at once without instances (200), else an operation that deprovisions them first (202). */
@ApiTags('tenants')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('v1.0/tenants')
export class TenantDeprovisionController {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Delete(':tenantId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deprovision a tenant (platform admin)',
    description:
      'Without instances the tenant is DEPROVISIONED at once (200). With instances `force=true` is required ' +
      '(422 TENANT_HAS_RESOURCES otherwise) and the answer is a TENANT_DEPROVISION operation (202 + Location) ' +
      'that deprovisions every instance (data archived first), then the tenant.',
  })
  @ApiQuery({ name: 'force', required: false, type: Boolean })
  @ApiIfMatch()
  @ApiOkResponse({ type: TenantResponseDto })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  @ApiErrors(404, 409, 422)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('force') force?: string,
    @IfMatch() ifMatch?: number,
  ) {
    const outcome = await this.lifecycle.deprovision(
      caller,
      tenantId,
      force === 'true',
      String(reply.request.id),
      ifMatch,
    );
    if ('tenant' in outcome) return presentTenant(outcome.tenant);
    void reply.status(202).header('Location', operationRoutes.operation(outcome.operation.operationId));
    return presentOperation(outcome.operation, { canCancel: true });
  }
}
