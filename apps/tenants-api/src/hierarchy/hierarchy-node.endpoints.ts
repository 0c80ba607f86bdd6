import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { NodePath } from '@bbws/data-access-tenants';
import type { Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, pageRequest, type PageQueryDto } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import type {
  CreateHierarchyNodeRequestDto,
  DeleteHierarchyNodeQueryDto,
  UpdateHierarchyNodeRequestDto,
} from './dto/hierarchy-node.request.dto';
import { HierarchyNodeListResponseDto, HierarchyNodeResponseDto } from './dto/hierarchy-node.response.dto';
import { presentNode } from './hierarchy.presenter';
import { hierarchyRoutes } from './hierarchy.routes';
import type { HierarchyService } from './hierarchy.service';

/**
 * What the divisions, groups and teams controllers share: each controller keeps its own routes and
 * path parameters, builds the node's path, and hands it to these handlers.
 */
export class HierarchyNodeEndpoints {
  constructor(private readonly hierarchy: HierarchyService) {}

  async list(
    caller: Caller,
    tenantId: string,
    parent: NodePath | null,
    query: PageQueryDto,
    path: string,
  ): Promise<HierarchyNodeListResponseDto> {
    const page = pageRequest(query);
    const result = await this.hierarchy.list(caller, tenantId, parent, page);
    return presentPage(result, presentNode, { path, query: {}, pageSize: page.pageSize });
  }

  async create(
    caller: Caller,
    tenantId: string,
    path: NodePath,
    body: CreateHierarchyNodeRequestDto,
    reply: FastifyReply,
  ) {
    const view = await this.hierarchy.create(caller, tenantId, path, body);
    void reply.header('Location', hierarchyRoutes.node(tenantId, view.node.path));
    return presentNode(view);
  }

  async get(caller: Caller, tenantId: string, path: NodePath) {
    return presentNode(await this.hierarchy.get(caller, tenantId, path));
  }

  async update(
    caller: Caller,
    tenantId: string,
    path: NodePath,
    body: UpdateHierarchyNodeRequestDto,
    ifMatch?: number,
  ) {
    return presentNode(await this.hierarchy.update(caller, tenantId, path, body, ifMatch));
  }

  async remove(
    caller: Caller,
    tenantId: string,
    path: NodePath,
    query: DeleteHierarchyNodeQueryDto,
    ifMatch?: number,
  ): Promise<void> {
    await this.hierarchy.delete(caller, tenantId, path, query.cascade === 'true', ifMatch);
  }
}

/** The OpenAPI description of each hierarchy node route (the route decorators stay in the controllers). */
export const ApiHierarchyNode = {
  list: (summary: string) =>
    applyDecorators(ApiOperation({ summary }), ApiOkResponse({ type: HierarchyNodeListResponseDto })),
  create: (summary: string) =>
    applyDecorators(
      ApiOperation({ summary }),
      ApiIdempotent(),
      ApiCreatedResponse({ type: HierarchyNodeResponseDto }),
      ApiErrors(409, 422),
    ),
  get: (summary: string) =>
    applyDecorators(ApiOperation({ summary }), ApiOkResponse({ type: HierarchyNodeResponseDto })),
  update: (summary: string) =>
    applyDecorators(
      ApiOperation({ summary }),
      ApiIfMatch(),
      ApiOkResponse({ type: HierarchyNodeResponseDto }),
      ApiErrors(409, 422),
    ),
  remove: (summary: string) =>
    applyDecorators(ApiOperation({ summary }), ApiIfMatch(), ApiNoContentResponse(), ApiErrors(422)),
};
