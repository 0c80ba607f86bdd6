import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DivisionPath } from '@bbws/data-access-tenants';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, IfMatch, Idempotent, PageQueryDto, TenantIdPipe } from '@bbws/platform-http';
import { newId } from '@bbws/shared-util';
import {
  CreateHierarchyNodeRequestDto,
  DeleteHierarchyNodeQueryDto,
  UpdateHierarchyNodeRequestDto,
} from './dto/hierarchy-node.request.dto';
import { ApiHierarchyNode, HierarchyNodeEndpoints } from './hierarchy-node.endpoints';
import { DivisionIdPipe } from './hierarchy-id.pipes';
import { hierarchyRoutes } from './hierarchy.routes';
import { HierarchyService } from './hierarchy.service';

const division = (divisionId: string): DivisionPath => ({ level: 'DIVISION', divisionId });

@ApiTags('hierarchy')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/divisions')
export class DivisionsController {
  private readonly nodes: HierarchyNodeEndpoints;

  constructor(hierarchy: HierarchyService) {
    this.nodes = new HierarchyNodeEndpoints(hierarchy);
  }

  @Get()
  @ApiHierarchyNode.list("The tenant's divisions, by name (any member)")
  list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: PageQueryDto,
  ) {
    return this.nodes.list(caller, tenantId, null, query, hierarchyRoutes.divisions(tenantId));
  }

  @Post()
  @Idempotent()
  @ApiHierarchyNode.create(
    'Create a division (ADMIN); names are unique among siblings, 100 per tenant at most',
  )
  create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: CreateHierarchyNodeRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.nodes.create(caller, tenantId, division(newId('div')), body, reply);
  }

  @Get(':divisionId')
  @ApiHierarchyNode.get('A division (any member)')
  get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
  ) {
    return this.nodes.get(caller, tenantId, division(divisionId));
  }

  @Patch(':divisionId')
  @ApiHierarchyNode.update('Rename or describe a division (ADMIN)')
  update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.nodes.update(caller, tenantId, division(divisionId), body, ifMatch);
  }

  @Put(':divisionId')
  @ApiHierarchyNode.update('Alias of PATCH: rename or describe a division (ADMIN)')
  replace(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Body() body: UpdateHierarchyNodeRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.nodes.update(caller, tenantId, division(divisionId), body, ifMatch);
  }

  @Delete(':divisionId')
  @HttpCode(204)
  @ApiHierarchyNode.remove('Delete a division (ADMIN); with groups only with ?cascade=true')
  remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('divisionId', DivisionIdPipe) divisionId: string,
    @Query() query: DeleteHierarchyNodeQueryDto,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    return this.nodes.remove(caller, tenantId, division(divisionId), query, ifMatch);
  }
}
