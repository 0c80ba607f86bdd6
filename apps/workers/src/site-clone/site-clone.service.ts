import type { TemplateDao } from '@bbws/data-access-catalogue';
import type { OperationDao } from '@bbws/data-access-operations';
import type { SiteDao } from '@bbws/data-access-sites';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { SiteClonePayload } from '@bbws/shared-contracts';
import { activateNewSite } from '../sites/site-activation';
import type { SiteHostRouter } from '../sites/site-host.router';
import { siteRef, type SiteNetwork, type SiteOnNetwork } from '../sites/site-network';
import { activeSource } from './active-source';
import type { SitePackageCopies } from './site-package.copies';
import type { ExportedSite, SiteTransfer } from './site-transfer';

export interface SiteCloneDeps {
  network: SiteNetwork;
  transfer: SiteTransfer;
  copies: SitePackageCopies;
  sites: Pick<SiteDao, 'get' | 'change'>;
  templates: Pick<TemplateDao, 'adjustUsage'>;
  router: SiteHostRouter;
  events: Pick<EventPublisher, 'publish'>;
  history: Pick<OperationDao, 'listByResource'>;
}

/**
 * SITE_CLONE on `bbws-wp-site-creation`: the new site (PROVISIONING, created by the API) gets a copy of
 * an ACTIVE source site of the tenant. The source is exported to a transfer artifact, the new network
 * site created once (its blog id recorded before the step completes: a redelivery reuses it), the
 * archive imported with every source URL rewritten to the new site's, the source's plugin records and
 * template copied (install and usage counts raised once), the host routed, then ACTIVE + `site.created`.
 */
export class SiteCloneService {
  constructor(private readonly deps: SiteCloneDeps) {}

  async clone(context: OperationContext<SiteClonePayload>): Promise<OperationOutcome> {
    const { payload, operation } = context;
    const { tenantId } = operation;
    await context.plan([
      'export-source',
      'create-site',
      'install-packages',
      'import-content',
      'copy-plugins',
      'copy-template',
      'route-host',
      'activate',
      'discard-transfer',
    ]);
    const exported = await context.step('export-source', async () => {
      const { source, wpSiteId } = await activeSource(this.deps.network, tenantId, payload.sourceSiteId);
      const key = this.deps.transfer.keyOf(tenantId, operation.operationId);
      return this.deps.transfer.export(source, siteRef(source, wpSiteId), key);
    });
    const target = await this.deps.network.locate(tenantId, payload.siteId);
    const created = await context.step('create-site', () =>
      this.deps.network.ensureBlog(target, { title: payload.siteName, adminEmail: `admin@${target.host}` }),
    );
    const ref = siteRef(target, created.wpSiteId);
    const source = () => this.deps.network.load(tenantId, payload.sourceSiteId);
    await context.step('install-packages', async () =>
      this.deps.copies.installPackages(await source(), target, ref),
    );
    await context.step('import-content', () => this.importContent(target, exported, created.wpSiteId));
    await context.step('copy-plugins', async () =>
      this.deps.copies.copyRecords(await source(), target.site, false),
    );
    const counted =
      context.steps.some((step) => step.name === 'copy-template' && step.status === 'IN_PROGRESS') ||
      (await this.templateCountedBefore(tenantId, payload.siteId, operation.operationId));
    await context.step('copy-template', () => this.copyTemplate(tenantId, payload, !counted));
    await context.step('route-host', async () => {
      const change = await this.deps.router.route(target.instance, target.host);
      return { action: change.action, ruleArn: change.ruleArn ?? null, priority: change.priority ?? null };
    });
    await activateNewSite(context, this.deps, tenantId, payload.siteId);
    await context.step('discard-transfer', () => this.deps.transfer.discard(exported.artifactKey));
    return {
      result: {
        siteId: payload.siteId,
        siteUrl: target.site.siteUrl,
        wpSiteId: created.wpSiteId,
        sourceSiteId: payload.sourceSiteId,
      },
      message: `Site ${target.site.siteName} is a copy of ${payload.sourceSiteId} at ${target.site.siteUrl}`,
    };
  }

  private async importContent(target: SiteOnNetwork, exported: ExportedSite, wpSiteId: number) {
    const result = await this.deps.transfer.import(target, siteRef(target, wpSiteId), exported);
    return { tables: result.tables, rows: result.rows, files: result.files, rewritten: result.rowsRewritten };
  }

  /** A failed clone of this site retried (`/retry`) that reached copy-template has counted the usage. */
  private async templateCountedBefore(tenantId: string, siteId: string, operationId: string) {
    const earlier = await this.deps.history.listByResource(
      tenantId,
      siteId,
      { type: 'SITE_CLONE' },
      {
        pageSize: 20,
      },
    );
    return earlier.items.some(
      (other) =>
        other.operationId !== operationId &&
        other.steps.some((step) => step.name === 'copy-template' && step.status !== 'PENDING'),
    );
  }

  /**
   * The source's template on the new site. Its usage is counted by the step's first attempt only, before
   * the site records it: a resumed step never counts it twice.
   */
  private async copyTemplate(tenantId: string, payload: SiteClonePayload, firstAttempt: boolean) {
    const source = await this.deps.network.load(tenantId, payload.sourceSiteId);
    const templateId = source.templateId;
    if (templateId === null) return { templateId: null, counted: false };
    if (firstAttempt) await this.deps.templates.adjustUsage(templateId, 1);
    const site = await this.deps.network.load(tenantId, payload.siteId);
    if (site.templateId !== templateId)
      await this.deps.sites.change(site, {
        expectedVersion: site.version,
        expectedStatuses: ['PROVISIONING'],
        changes: { templateId },
      });
    return { templateId, counted: firstAttempt };
  }
}
