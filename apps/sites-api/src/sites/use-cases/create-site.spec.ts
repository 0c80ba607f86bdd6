import type { InstallCheckRequest, PluginInstallability, TemplateDao } from '@bbws/data-access-catalogue';
import type { InstanceDao } from '@bbws/data-access-instances';
import type { TenantSummaryReader } from '@bbws/data-access-memberships';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { TenantAccessService } from '@bbws/platform-auth';
import type { LaunchRequest, OperationLauncher } from '@bbws/platform-operations';
import type { TenantRole } from '@bbws/data-access-memberships';
import { loadHostingEnvironments } from '@bbws/shared-config';
import type { SiteCreationPayload } from '@bbws/shared-contracts';
import { TestClock, buildCaller, buildOperation, fakePort } from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { CreateSite } from './create-site';
import { SitePlacement } from './site-placement';

function setUp(role: TenantRole = 'OPERATOR', tier: 'STANDARD' | 'ENTERPRISE' = 'STANDARD') {
  const created: Array<{ site: Site; quota: number }> = [];
  const launched: LaunchRequest<SiteCreationPayload>[] = [];
  const checks: InstallCheckRequest[] = [];
  const reads: string[] = [];
  const instance = buildInstance({ tenantId: 'tenant-1', status: 'ACTIVE', tier, wordpressVersion: '6.6' });
  const service = new CreateSite(
    fakePort<SiteDao>({
      createWrites: (site: Site, quota: number) => {
        created.push({ site, quota });
        return {} as ExtraWrites;
      },
    }),
    new SitePlacement(
      fakePort<InstanceDao>({
        get: async () => {
          reads.push('instance');
          return instance;
        },
        slugTaken: async (_environment: string, slug: string) => slug === instance.slug,
      }),
      fakePort<TenantSummaryReader>({
        find: async (tenantId: string) => {
          reads.push('tenant');
          return { tenantId, organizationName: 'Acme', status: 'ACTIVE' };
        },
      }),
      fakePort<TemplateDao>({ get: async () => null }),
      loadHostingEnvironments({}, 'test'),
      TestClock.running(),
    ),
    fakePort<PluginInstallability>({
      check: async (request: InstallCheckRequest) => {
        checks.push(request);
        return {
          ok: true,
          pluginId: request.pluginId,
          version: '1.0.0',
          pluginFile: 'x/x.php',
          packageArtifact: { key: 'k', sha256: 'a'.repeat(64), size: 1 },
        };
      },
    }),
    fakePort<TenantAccessService>({
      require: async (_caller, tenantId) => ({ tenantId, isPlatformAdmin: false, role }),
    }),
    fakePort<OperationLauncher>({
      launch: async <P extends object>(request: LaunchRequest<P>) => {
        launched.push(request as unknown as LaunchRequest<SiteCreationPayload>);
        return buildOperation({ type: 'SITE_CREATION', resourceId: request.resourceId });
      },
    }),
  );
  const caller = buildCaller({ userId: 'user-1' });
  return { service, caller, instance, created, launched, checks, reads };
}

describe('CreateSite', () => {
  it('builds the PROVISIONING site from the instance and launches SITE_CREATION with the tier’s quota', async () => {
    const { service, caller, instance, created, launched } = setUp('OPERATOR', 'ENTERPRISE');
    await service.create(caller, 'tenant-1', { siteName: 'Shop', subdomain: 'shop' }, 'req-1');
    expect(created).toHaveLength(1);
    expect(created[0].quota).toBe(100);
    expect(created[0].site).toMatchObject({
      tenantId: 'tenant-1',
      instanceId: instance.instanceId,
      environment: 'DEV',
      status: 'PROVISIONING',
      siteUrl: 'http://shop.dev.localhost:3000',
      wordpressVersion: '6.6',
      phpVersion: '8.2',
      healthStatus: 'UNKNOWN',
      ownerId: 'user-1',
      templateId: null,
      configuration: { title: 'Shop' },
    });
    expect(launched[0]).toMatchObject({
      resourceType: 'site',
      resourceId: created[0].site.siteId,
      correlationId: 'req-1',
    });
    // Optional fields the caller left out stay out of the message.
    expect(launched[0].payload).toEqual({
      siteId: created[0].site.siteId,
      siteName: 'Shop',
      subdomain: 'shop',
      environment: 'DEV',
      instanceId: instance.instanceId,
    });
  });

  it('checks each plugin next to the other requested ones on the instance’s WordPress', async () => {
    const { service, caller, checks } = setUp();
    await service.create(
      caller,
      'tenant-1',
      { siteName: 'S', subdomain: 'shop', plugins: ['plg-a', 'plg-b', 'plg-c'] },
      'r',
    );
    expect(checks).toEqual([
      { pluginId: 'plg-a', wordpressVersion: '6.6', installed: ['plg-b', 'plg-c'] },
      { pluginId: 'plg-b', wordpressVersion: '6.6', installed: ['plg-a', 'plg-c'] },
      { pluginId: 'plg-c', wordpressVersion: '6.6', installed: ['plg-a', 'plg-b'] },
    ]);
  });

  it('refuses a PROD site to an OPERATOR before reading anything', async () => {
    const { service, caller, reads, launched } = setUp('OPERATOR');
    await expect(
      service.create(caller, 'tenant-1', { siteName: 'S', subdomain: 'shop', environment: 'PROD' }, 'r'),
    ).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(reads).toEqual([]);
    expect(launched).toEqual([]);
  });

  it('lets a tenant ADMIN create in PROD', async () => {
    const { service, caller, launched } = setUp('ADMIN');
    await service.create(caller, 'tenant-1', { siteName: 'S', subdomain: 'shop', environment: 'PROD' }, 'r');
    expect(launched[0].payload.environment).toBe('PROD');
  });

  it('answers 422 TEMPLATE_NOT_AVAILABLE for a template the catalogue does not have, launching nothing', async () => {
    const { service, caller, launched } = setUp();
    const templateId = 'tpl-00000000-0000-4000-8000-000000000000';
    await expect(
      service.create(caller, 'tenant-1', { siteName: 'S', subdomain: 'shop', templateId }, 'r'),
    ).rejects.toMatchObject({
      status: 422,
      code: 'TEMPLATE_NOT_AVAILABLE',
      details: { templateId, templateStatus: null },
    });
    expect(launched).toEqual([]);
  });

  it('answers 409 SUBDOMAIN_TAKEN for the host of an instance of the environment, launching nothing', async () => {
    const { service, caller, instance, launched } = setUp();
    await expect(
      service.create(caller, 'tenant-1', { siteName: 'S', subdomain: instance.slug }, 'r'),
    ).rejects.toMatchObject({
      status: 409,
      code: 'SUBDOMAIN_TAKEN',
      details: { subdomain: instance.slug, heldBy: 'INSTANCE_HOST' },
    });
    expect(launched).toEqual([]);
  });
});
