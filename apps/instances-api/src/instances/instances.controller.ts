import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import {
  ApiErrors,
  ApiIdempotent,
  ApiIfMatch,
  ErrorResponseDto,
  IfMatch,
  Idempotent,
  TenantIdPipe,
} from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { CreateInstanceRequestDto, UpdateInstanceRequestDto } from './dto/instance.request.dto';
import { InstanceListResponseDto, InstanceResponseDto } from './dto/instance.response.dto';
import { InstanceStatusResponseDto } from './dto/instance-status.response.dto';
import { InstanceIdPipe } from './instance-id.pipe';
import { accepted } from './accepted';
import { presentInstance, presentInstanceList, presentInstanceStatus } from './instances.presenter';
import { InstancesService } from './instances.service';
import { InstanceActions } from './use-cases/instance-actions';
import { ProvisionInstance } from './use-cases/provision-instance';

/** A tenant's instances: members read, platform admins provision, update and delete (202 operations). */
@ApiTags('instances')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('v1.0/tenants/:tenantId/instances')
export class InstancesController {
  constructor(
    private readonly instances: InstancesService,
    private readonly provisioning: ProvisionInstance,
    private readonly actions: InstanceActions,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's instances, at most one per environment (members)" })
  @ApiOkResponse({ type: InstanceListResponseDto })
  async list(@CurrentCaller() caller: Caller, @Param('tenantId', TenantIdPipe) tenantId: string) {
    return presentInstanceList(tenantId, caller.isPlatformAdmin, await this.instances.list(caller, tenantId));
  }

  @Post()
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({ summary: 'Provision an instance in an environment (platform admin): INSTANCE_PROVISION' })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  @ApiErrors(403, 409, 422)
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: CreateInstanceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(
      reply,
      await this.provisioning.provision(caller, tenantId, body, String(reply.request.id)),
    );
  }

  @Get(':instanceId')
  @ApiOperation({ summary: 'An instance (members)' })
  @ApiOkResponse({ type: InstanceResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
  ) {
    return presentInstance(await this.instances.get(caller, tenantId, instanceId));
  }

  @Patch(':instanceId')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Change tier, desired count or WordPress version (platform admin): INSTANCE_UPDATE',
  })
  @ApiIfMatch()
  @ApiAcceptedResponse({ type: OperationResponseDto })
  @ApiErrors(403, 409, 422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: UpdateInstanceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = { caller, tenantId, instanceId, correlationId: String(reply.request.id), ifMatch };
    return accepted(reply, await this.actions.update(request, body));
  }

  @Put(':instanceId')
  @HttpCode(202)
  @ApiOperation({ summary: 'Alias of PATCH' })
  @ApiIfMatch()
  @ApiAcceptedResponse({ type: OperationResponseDto })
  @ApiErrors(403, 409, 422)
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Body() body: UpdateInstanceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, tenantId, instanceId, body, reply, ifMatch);
  }

  @Delete(':instanceId')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deprovision (platform admin): data archived, then GitOps destroy' })
  @ApiIfMatch()
  @ApiAcceptedResponse({ type: OperationResponseDto })
  @ApiErrors(403, 409, 422)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = { caller, tenantId, instanceId, correlationId: String(reply.request.id), ifMatch };
    return accepted(reply, await this.actions.deprovision(request));
  }

  @Get(':instanceId/status')
  @ApiOperation({ summary: 'Live runtime: desired / running / pending tasks, health, last runtime event' })
  @ApiOkResponse({ type: InstanceStatusResponseDto })
  @ApiResponse({ status: 502, description: 'UPSTREAM_ERROR: ECS did not answer', type: ErrorResponseDto })
  async status(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('instanceId', InstanceIdPipe) instanceId: string,
  ) {
    const { instance, snapshot, observedAt } = await this.instances.liveStatus(caller, tenantId, instanceId);
    return presentInstanceStatus(instance, snapshot, observedAt);
  }
}
