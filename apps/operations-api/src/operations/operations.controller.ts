import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, TenantIdPipe, pageRequest } from '@bbws/platform-http';
import { OperationResponseDto, operationRoutes, presentOperation } from '@bbws/platform-operations';
import type { Operation } from '@bbws/shared-contracts';
import { presentPage } from '@bbws/shared-hateoas';
import { ListOperationsQueryDto } from './dto/list-operations.query.dto';
import { OperationListResponseDto } from './dto/operation-list.response.dto';
import { OperationIdPipe } from './operation-id.pipe';
import { OperationsService, mayCancel } from './operations.service';

@ApiTags('operations')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('operations/:operationId')
  @ApiOperation({
    summary:
      'An operation: status, progress, current step, steps with times, error and result (members of its tenant)',
  })
  @ApiOkResponse({ type: OperationResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('operationId', OperationIdPipe) operationId: string) {
    const { operation, access } = await this.operations.get(caller, operationId);
    return presentOperation(operation, { canCancel: mayCancel(caller, access, operation) });
  }

  @Post('operations/:operationId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel an operation that has not started (PENDING only). Platform-admin operations (tenant lifecycle, instances): platform admins; others: their creator, tenant ADMINs, platform admins',
  })
  @ApiOkResponse({ type: OperationResponseDto })
  @ApiErrors(422)
  async cancel(@CurrentCaller() caller: Caller, @Param('operationId', OperationIdPipe) operationId: string) {
    const { operation, access } = await this.operations.cancel(caller, operationId);
    return presentOperation(operation, { canCancel: mayCancel(caller, access, operation) });
  }

  @Get('tenants/:tenantId/operations')
  @ApiOperation({ summary: "A tenant's operations, newest first (members)" })
  @ApiOkResponse({ type: OperationListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: ListOperationsQueryDto,
  ): Promise<OperationListResponseDto> {
    const page = pageRequest(query);
    const filter = { status: query.status, type: query.type, resourceId: query.resourceId };
    const { page: result, access } = await this.operations.list(caller, tenantId, filter, page);
    const present = (operation: Operation) =>
      presentOperation(operation, { canCancel: mayCancel(caller, access, operation) });
    return presentPage(result, present, {
      path: operationRoutes.tenantOperations(tenantId),
      query: filter,
      pageSize: page.pageSize,
    });
  }
}
