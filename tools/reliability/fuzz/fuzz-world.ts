import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CataloguePluginDao, TemplateDao, type Template } from '@bbws/data-access-catalogue';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { InstanceDao } from '@bbws/data-access-instances';
import type { TenantRole } from '@bbws/data-access-memberships';
import { OperationDao, WebhookDao } from '@bbws/data-access-operations';
import { BackupDao, InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import type { HierarchyNode } from '@bbws/data-access-tenants';
import { newId } from '@bbws/shared-util';
import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import {
  buildAuditEvent,
  buildCataloguePlugin,
  buildHierarchyNode,
  buildInvitation,
  buildMember,
  buildOperation,
  seedTenant,
  tenantTableDaos,
} from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { buildWebhook } from '@bbws/testing-operation-factories';
import { buildBackup, buildInstalledPlugin, buildSite } from '@bbws/testing-sites';

/** What one seeded tenant holds: the value of each path parameter that names one of its resources. */
export interface SeededTenant {
  ids: Record<string, string>;
  users: Record<TenantRole, TestUser>;
  /** Every id, name, email, subdomain and URL of the tenant: no stranger may see one of them. */
  secrets: string[];
}

export interface FuzzWorld {
  a: SeededTenant;
  b: SeededTenant;
  /** Catalogue entries (global): `templateId`, `pluginId`, `version`. */
  catalogue: Record<string, string>;
  platformAdmin: TestUser;
  /** Signed in, member of nothing. */
  outsider: TestUser;
}

/** Ids of kinds a tenant owns (path or body): a stranger naming one must get nothing. */
export const TENANT_OWNED_PARAMETERS = [
  'tenantId',
  'instanceId',
  'siteId',
  'backupId',
  'operationId',
  'invitationId',
  'divisionId',
  'groupId',
  'teamId',
  'webhookId',
  'userId',
  'token',
];

async function seedTenantWorld(
  db: DynamoContext,
  label: string,
  catalogue: Record<string, string>,
  admin: TestUser,
): Promise<SeededTenant> {
  const tag = `${label}${randomUUID().slice(0, 8)}`;
  const { tenants, members, hierarchy, invitations } = tenantTableDaos(db, { auditRetentionDays: 30 });
  const tenant = await seedTenant(tenants, {
    organizationName: `${label} Fuzz ${tag}`,
    contactEmail: `contact-${tag}@fuzz.example`,
  });
  const { tenantId } = tenant;
  const now = new Date();
  const users = {} as Record<TenantRole, TestUser>;
  for (const role of ['ADMIN', 'OPERATOR', 'VIEWER'] as const) {
    const user = await newTestUser({
      name: `${label} ${role} ${tag}`,
      email: `${role.toLowerCase()}-${tag}@fuzz.example`,
    });
    users[role] = user;
    await members.add(
      buildMember(
        { tenantId, userId: user.userId, email: user.email, name: user.name, role, addedBy: admin.userId },
        now,
      ),
      buildAuditEvent({ tenantId, actor: admin.userId, action: 'MEMBER_ADDED' }, now),
    );
  }
  const divisionId = newId('div');
  const groupId = newId('grp');
  const teamId = newId('team');
  const nodes: HierarchyNode[] = [
    buildHierarchyNode({
      tenantId,
      name: `${label} Division ${tag}`,
      path: { level: 'DIVISION', divisionId },
    }),
    buildHierarchyNode({
      tenantId,
      name: `${label} Group ${tag}`,
      path: { level: 'GROUP', divisionId, groupId },
    }),
    buildHierarchyNode({
      tenantId,
      name: `${label} Team ${tag}`,
      path: { level: 'TEAM', divisionId, groupId, teamId },
    }),
  ];
  for (const node of nodes)
    await hierarchy.create(node, buildAuditEvent({ tenantId, action: 'NODE_CREATED' }));
  const token = randomBytes(32).toString('base64url');
  const invitation = buildInvitation({
    tenantId,
    email: `invitee-${tag}@fuzz.example`,
    invitedBy: users.ADMIN.userId,
    invitedByName: users.ADMIN.name,
    invitedByEmail: users.ADMIN.email,
    tokenHash: createHash('sha256').update(token, 'utf8').digest('hex'),
  });
  await invitations.create(invitation, buildAuditEvent({ tenantId, action: 'INVITATION_CREATED' }));

  const instance = buildInstance({ tenantId, status: 'ACTIVE', wordpressVersion: '6.6' });
  await new InstanceDao(db).create(instance);
  const site = buildSite({
    tenantId,
    instanceId: instance.instanceId,
    environment: instance.environment,
    wordpressVersion: instance.wordpressVersion,
    status: 'ACTIVE',
    siteName: `${label} Site ${tag}`,
    subdomain: `${label.toLowerCase()}${tag.slice(label.length)}`,
    ownerId: users.ADMIN.userId,
    createdBy: users.ADMIN.userId,
  });
  await new SiteDao(db).create(site, 100);
  const backup = buildBackup({
    tenantId,
    siteId: site.siteId,
    status: 'COMPLETED',
    artifactKey: `backups/${tenantId}/${site.siteId}/fuzz.zip`,
    sha256: 'b'.repeat(64),
    sizeBytes: 10,
    completedAt: now.toISOString(),
    createdBy: users.ADMIN.userId,
  });
  await new BackupDao(db).create(backup);
  await new InstalledPluginDao(db).put(
    buildInstalledPlugin({
      siteId: site.siteId,
      pluginId: catalogue.pluginId,
      installedVersion: catalogue.version,
    }),
  );
  // On a resource of its own, so its lock does not stand in front of the site's routes.
  const operation = buildOperation(
    {
      tenantId,
      type: 'SITE_CREATION',
      resourceType: 'site',
      resourceId: newId('site'),
      createdBy: users.ADMIN.userId,
    },
    now,
  );
  await new OperationDao(db).createWithLock(operation);
  const webhook = buildWebhook({
    tenantId,
    url: `https://hooks.example.com/${tag}`,
    description: `${label} hook ${tag}`,
    createdBy: users.ADMIN.userId,
  });
  await new WebhookDao(db).create(webhook, 100);

  const ids = {
    tenantId,
    instanceId: instance.instanceId,
    siteId: site.siteId,
    backupId: backup.backupId,
    operationId: operation.operationId,
    invitationId: invitation.invitationId,
    divisionId,
    groupId,
    teamId,
    webhookId: webhook.webhookId,
    userId: users.ADMIN.userId,
    token,
  };
  const secrets = [
    ...Object.values(ids),
    tenant.organizationName,
    tenant.contactEmail,
    ...Object.values(users).flatMap((user) => [user.userId, user.email, user.name]),
    ...nodes.map((node) => node.name),
    invitation.email,
    instance.slug,
    instance.endpoint,
    site.siteName,
    site.subdomain,
    site.siteUrl,
    webhook.url,
    `${label} hook ${tag}`,
    backup.artifactKey as string,
  ].filter((value): value is string => typeof value === 'string' && value.length > 0);
  return { ids, users, secrets: [...new Set(secrets)] };
}

async function seedCatalogue(db: DynamoContext, admin: TestUser): Promise<Record<string, string>> {
  const plugin = buildCataloguePlugin({ createdBy: admin.userId });
  await new CataloguePluginDao(db).create(plugin);
  const now = new Date().toISOString();
  const template: Template = {
    templateId: newId('tpl'),
    name: `Fuzz template ${randomUUID().slice(0, 8)}`,
    description: 'A business site',
    category: 'BUSINESS',
    templateVersion: '1.0.0',
    status: 'PUBLISHED',
    theme: { slug: 'twentytwentythree', packageArtifact: null },
    plugins: [],
    options: { blogdescription: 'Hello' },
    pages: [{ title: 'Home', slug: 'home', content: '<p>Hi</p>' }],
    screenshots: [],
    demoUrl: null,
    minWordPressVersion: '6.1',
    usageCount: 0,
    clonedFromTemplateId: null,
    publishedAt: now,
    createdAt: now,
    createdBy: admin.userId,
    updatedAt: now,
    version: 1,
  };
  await new TemplateDao(db).create(template);
  return { templateId: template.templateId, pluginId: plugin.pluginId, version: plugin.versions[0].version };
}

/** Tenants A and B with one resource of each kind the routes name, and the global catalogue's entries. */
export async function seedFuzzWorld(db: DynamoContext): Promise<FuzzWorld> {
  const platformAdmin = await newTestUser({ platformAdmin: true, name: 'Fuzz Platform Admin' });
  const catalogue = await seedCatalogue(db, platformAdmin);
  return {
    a: await seedTenantWorld(db, 'Alpha', catalogue, platformAdmin),
    b: await seedTenantWorld(db, 'Bravo', catalogue, platformAdmin),
    catalogue,
    platformAdmin,
    outsider: await newTestUser({ name: 'Fuzz Outsider' }),
  };
}
