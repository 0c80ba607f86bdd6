import {
  nodeId,
  type HierarchyDao,
  type HierarchyNode,
  type HierarchyNodeChanges,
  type HierarchyTree,
  type NodePath,
} from '@bbws/data-access-tenants';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import { NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { Clock } from '@bbws/shared-util';
import { assertVersion, type OrganizationService } from '../organization/organization.service';
import { rethrowAsAppError } from '../organization/store-errors';

export interface HierarchyNodeInput {
  name: string;
  description?: string | null;
}

export interface NodeView {
  node: HierarchyNode;
  access: TenantAccess;
}

export interface TreeView {
  tenantId: string;
  tree: HierarchyTree;
  access: TenantAccess;
}

/** Divisions > groups > teams: any member reads, ADMINs write; every change audited in its transaction. */
export class HierarchyService {
  constructor(
    private readonly hierarchy: Pick<
      HierarchyDao,
      'tree' | 'listChildren' | 'get' | 'create' | 'update' | 'delete' | 'deleteSubtree'
    >,
    private readonly organization: Pick<OrganizationService, 'loadLiveTenant' | 'audit'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly clock: Clock,
  ) {}

  async tree(caller: Caller, tenantId: string): Promise<TreeView> {
    const access = await this.access.require(caller, tenantId);
    return { tenantId, tree: await this.hierarchy.tree(tenantId), access };
  }

  /** Children of the tenant (`parent` null), a division or a group. */
  async list(
    caller: Caller,
    tenantId: string,
    parent: NodePath | null,
    page: PageRequest,
  ): Promise<Page<NodeView>> {
    const access = await this.access.require(caller, tenantId);
    if (parent) await this.load(tenantId, parent);
    const result = await this.hierarchy.listChildren(tenantId, parent, page);
    return { items: result.items.map((node) => ({ node, access })), nextStartAt: result.nextStartAt };
  }

  async get(caller: Caller, tenantId: string, path: NodePath): Promise<NodeView> {
    const access = await this.access.require(caller, tenantId);
    return { node: await this.load(tenantId, path), access };
  }

  async create(
    caller: Caller,
    tenantId: string,
    path: NodePath,
    input: HierarchyNodeInput,
  ): Promise<NodeView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    await this.organization.loadLiveTenant(tenantId);
    const now = this.clock.now().toISOString();
    const node: HierarchyNode = {
      tenantId,
      path,
      name: input.name,
      description: input.description ?? null,
      childCount: 0,
      memberCount: 0,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      updatedBy: caller.userId,
      version: 1,
    };
    await this.hierarchy
      .create(node, this.audit(caller, node, 'CREATED', { name: node.name }))
      .catch(rethrowAsAppError);
    return { node, access };
  }

  async update(
    caller: Caller,
    tenantId: string,
    path: NodePath,
    input: HierarchyNodeChanges,
    ifMatch?: number,
  ): Promise<NodeView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    await this.organization.loadLiveTenant(tenantId);
    const current = await this.load(tenantId, path);
    const changes: HierarchyNodeChanges = {};
    if (input.name !== undefined && input.name !== current.name) changes.name = input.name;
    if (input.description !== undefined && input.description !== current.description)
      changes.description = input.description;
    const expected = ifMatch ?? current.version;
    if (Object.keys(changes).length === 0) {
      assertVersion(expected, current);
      return { node: current, access };
    }
    const details = {
      fields: Object.keys(changes),
      ...(changes.name !== undefined ? { beforeName: current.name, afterName: changes.name } : {}),
    };
    const node = await this.hierarchy
      .update(current, expected, changes, caller.userId, this.audit(caller, current, 'UPDATED', details))
      .catch(rethrowAsAppError);
    return { node, access };
  }

  /** Without `cascade` only an empty node goes (422 HAS_CHILDREN otherwise); with it, the whole subtree in one transaction. */
  async delete(
    caller: Caller,
    tenantId: string,
    path: NodePath,
    cascade: boolean,
    ifMatch?: number,
  ): Promise<void> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    await this.organization.loadLiveTenant(tenantId);
    const current = await this.load(tenantId, path);
    const expected = ifMatch ?? current.version;
    const hasContent = current.childCount > 0 || current.memberCount > 0;
    if (cascade && hasContent) {
      await this.hierarchy
        .deleteSubtree(
          current,
          expected,
          this.audit(caller, current, 'DELETED', { name: current.name, cascade: true }),
        )
        .catch(rethrowAsAppError);
      return;
    }
    await this.hierarchy
      .delete(
        current,
        expected,
        this.audit(caller, current, 'DELETED', { name: current.name, cascade: false }),
      )
      .catch(rethrowAsAppError);
  }

  private async load(tenantId: string, path: NodePath): Promise<HierarchyNode> {
    const node = await this.hierarchy.get(tenantId, path);
    if (!node) throw new NotFoundError(path.level, nodeId(path));
    return node;
  }

  private audit(
    caller: Caller,
    node: HierarchyNode,
    verb: 'CREATED' | 'UPDATED' | 'DELETED',
    details: Record<string, unknown>,
  ) {
    const { level: _level, ...ids } = node.path;
    return this.organization.audit(node.tenantId, caller, `${node.path.level}_${verb}`, {
      details: { ...ids, ...details },
    });
  }
}
