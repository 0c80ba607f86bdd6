import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, TenantIdPipe } from '@bbws/platform-http';
import { HierarchyTreeResponseDto } from './dto/hierarchy-node.response.dto';
import { presentTree } from './hierarchy.presenter';
import { HierarchyService } from './hierarchy.service';

@ApiTags('hierarchy')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/hierarchy')
export class HierarchyTreeController {
  constructor(private readonly hierarchy: HierarchyService) {}

  @Get()
  @ApiOperation({
    summary: 'The whole tree (divisions > groups > teams) with member counts per team (any member)',
  })
  @ApiOkResponse({ type: HierarchyTreeResponseDto })
  async tree(@CurrentCaller() caller: Caller, @Param('tenantId', TenantIdPipe) tenantId: string) {
    return presentTree(await this.hierarchy.tree(caller, tenantId));
  }
}
