import type { TemplateDao } from '@bbws/data-access-catalogue';
import type { InstanceDao } from '@bbws/data-access-instances';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import type { SiteRef, WordPressClient } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { SiteCreationPayload } from '@bbws/shared-contracts';
import type { InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import { activateNewSite } from './site-activation';
import type { SiteHostRouter } from './site-host.router';
import { SiteNetwork, type SiteOnNetwork } from './site-network';
import type { SitePackageUrls } from './site-package.urls';
import type { SitePlugins } from './site-plugins';
import { SiteTemplateApplier } from './site-template.applier';

export interface SiteCreationDeps {
  sites: Pick<SiteDao, 'get' | 'change'>;
  instances: Pick<InstanceDao, 'get'>;
  templates: Pick<TemplateDao, 'get' | 'adjustUsage'>;
  plugins: SitePlugins;
  urls: SitePackageUrls;
  router: SiteHostRouter;
  wordpress: Pick<WordPressClient, 'createSite' | 'applyTemplate'>;
  agents: InstanceAgentAccess;
  events: Pick<EventPublisher, 'publish'>;
}

/** The operation's view of the site being created: the site as stored, its instance and its network. */
type Target = SiteOnNetwork;

/**
 * SITE_CREATION on `bbws-wp-site-creation`: the network site (created once: its blog id is recorded on
 * the site before the step completes), the template (pages, options, theme, its plugins; usageCount +1
 * when its pages are first created on the site), the requested plugins (installCount +1 once each),
 * the host routed to the instance, then the site ACTIVE and `site.created`. Every step is a
 * checkpoint: a redelivery resumes after the last completed one.
 */
export class SiteCreationService {
  private readonly network: SiteNetwork;
  private readonly applier: SiteTemplateApplier;

  constructor(private readonly deps: SiteCreationDeps) {
    this.network = new SiteNetwork(deps);
    this.applier = new SiteTemplateApplier(deps);
  }

  async create(context: OperationContext<SiteCreationPayload>): Promise<OperationOutcome> {
    const { payload } = context;
    const requested = payload.plugins ?? [];
    await context.plan([
      'create-site',
      ...(payload.templateId ? ['apply-template', 'count-template-usage'] : []),
      ...requested.map((pluginId) => `install-plugin:${pluginId}`),
      'route-host',
      'activate',
    ]);
    const target = await this.target(context.operation.tenantId, payload);
    const created = await context.step('create-site', () => this.createNetworkSite(target, payload));
    const ref: SiteRef = { blogId: created.wpSiteId, host: target.host };
    const site = () => this.loadSite(context.operation.tenantId, payload.siteId);
    const templatePlugins: string[] = [];
    if (payload.templateId) {
      const templateId = payload.templateId;
      const applied = await context.step('apply-template', async () =>
        this.applier.apply(await site(), target.connection, ref, templateId),
      );
      templatePlugins.push(...applied.plugins);
      await context.step('count-template-usage', async () =>
        applied.firstApplication
          ? { usageCount: await this.deps.templates.adjustUsage(templateId, 1) }
          : { skipped: true },
      );
    }
    for (const pluginId of requested) {
      await context.step(`install-plugin:${pluginId}`, async () => {
        const current = await site();
        const plugin = await this.deps.plugins.resolve(current, pluginId, [...templatePlugins, ...requested]);
        await this.deps.plugins.installAndActivate(target.connection, ref, plugin);
        const { counted } = await this.deps.plugins.record(current, plugin);
        return { pluginId, version: plugin.version, counted };
      });
    }
    await context.step('route-host', async () => {
      const change = await this.deps.router.route(target.instance, target.host);
      return { action: change.action, ruleArn: change.ruleArn ?? null, priority: change.priority ?? null };
    });
    await activateNewSite(context, this.deps, context.operation.tenantId, payload.siteId);
    return {
      result: { siteId: payload.siteId, siteUrl: target.site.siteUrl, wpSiteId: created.wpSiteId },
      message: `Site ${target.site.siteName} is active at ${target.site.siteUrl}`,
    };
  }

  private async target(tenantId: string, payload: SiteCreationPayload): Promise<Target> {
    return this.network.locate(tenantId, payload.siteId, payload.instanceId);
  }

  private loadSite(tenantId: string, siteId: string): Promise<Site> {
    return this.network.load(tenantId, siteId);
  }

  /** Reuses the blog an earlier attempt created and recorded; else creates it and records its id. */
  private createNetworkSite(target: Target, payload: SiteCreationPayload): Promise<{ wpSiteId: number }> {
    return this.network.ensureBlog(target, {
      title: payload.siteName,
      adminEmail: payload.adminEmail ?? `admin@${target.host}`,
    });
  }
}
