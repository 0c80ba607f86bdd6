import type { TemplateDao } from '@bbws/data-access-catalogue';
import type { BackupDao, Site, SiteDao } from '@bbws/data-access-sites';
import type { SiteRef } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { SitePromotionPayload } from '@bbws/shared-contracts';
import { ValidationError } from '@bbws/shared-errors';
import { activeSource } from '../site-clone/active-source';
import type { SitePackageCopies } from '../site-clone/site-package.copies';
import type { ExportedSite, SiteTransfer } from '../site-clone/site-transfer';
import type { SiteBackups } from '../site-backups/site-backups';
import { activateNewSite } from '../sites/site-activation';
import type { SiteHostRouter } from '../sites/site-host.router';
import { siteRef, type SiteNetwork, type SiteOnNetwork } from '../sites/site-network';
import {
  PromotionRollbackFailedError,
  PromotionRolledBackError,
  PromotionTargetNotReadyError,
} from './site-promotion.errors';

export interface SitePromotionDeps {
  network: SiteNetwork;
  transfer: SiteTransfer;
  copies: SitePackageCopies;
  backups: Pick<SiteBackups, 'take' | 'restore'>;
  backupRecords: Pick<BackupDao, 'get'>;
  sites: Pick<SiteDao, 'get' | 'change'>;
  templates: Pick<TemplateDao, 'adjustUsage'>;
  router: SiteHostRouter;
  events: Pick<EventPublisher, 'publish'>;
}

/** What the first step learnt of the target: its blog, and whether the promotion creates it. */
interface TargetState {
  [key: string]: unknown;
  wpSiteId: number;
  fresh: boolean;
}

/**
 * SITE_PROMOTION on `bbws-wp-site-update` (the operation runs on the source): the target site of the next
 * environment (same subdomain; new and PROVISIONING on the first promotion) gets its network site and
 * route, a PRE_PROMOTION backup, then the source's export imported with the selected parts (database,
 * files) and every source URL rewritten to the target's. With the database come the source's plugins
 * (packages installed on the target's network, records synced, install counts kept right) and its
 * template. An import that fails restores the backup and fails the operation PROMOTION_ROLLED_BACK.
 */
export class SitePromotionService {
  constructor(private readonly deps: SitePromotionDeps) {}

  async promote(context: OperationContext<SitePromotionPayload>): Promise<OperationOutcome> {
    const { payload, operation } = context;
    const { tenantId } = operation;
    const targetSiteId = payload.targetSiteId;
    if (!targetSiteId) throw ValidationError.field('targetSiteId', 'a promotion names its target site');
    const withDatabase = payload.includeDatabase;
    await context.plan([
      'ensure-target',
      'route-host',
      'backup-target',
      'export-source',
      ...(withDatabase ? ['install-packages'] : []),
      'import-content',
      ...(withDatabase ? ['sync-plugins', 'sync-template'] : []),
      'record-promotion',
      'activate',
      'discard-transfer',
    ]);
    const target = await this.deps.network.locate(tenantId, targetSiteId);
    const state = await context.step('ensure-target', () => this.ensureTarget(target, payload));
    const ref = siteRef(target, state.wpSiteId);
    await context.step('route-host', async () => {
      const change = await this.deps.router.route(target.instance, target.host);
      return { action: change.action, ruleArn: change.ruleArn ?? null, priority: change.priority ?? null };
    });
    const backup = await context.step('backup-target', async () => {
      const taken = await this.deps.backups.take(await this.load(tenantId, targetSiteId), {
        reason: 'PRE_PROMOTION',
        operationId: operation.operationId,
        createdBy: operation.createdBy,
      });
      return { backupId: taken.backup.backupId, pruned: taken.pruned };
    });
    const exported = await context.step('export-source', async () => {
      const { source, wpSiteId } = await activeSource(this.deps.network, tenantId, payload.siteId);
      const key = this.deps.transfer.keyOf(tenantId, operation.operationId);
      return this.deps.transfer.export(source, siteRef(source, wpSiteId), key);
    });
    const source = () => this.load(tenantId, payload.siteId);
    if (withDatabase)
      await context.step('install-packages', async () =>
        this.deps.copies.installPackages(await source(), target, ref),
      );
    await context.step('import-content', () => this.importOrRollBack(target, ref, exported, backup, payload));
    if (withDatabase) {
      await context.step('sync-plugins', async () =>
        this.deps.copies.copyRecords(await source(), await this.load(tenantId, targetSiteId), true),
      );
      const resumed = context.steps.some((s) => s.name === 'sync-template' && s.status === 'IN_PROGRESS');
      await context.step('sync-template', async () =>
        this.syncTemplate(await source(), targetSiteId, state.fresh, !resumed),
      );
    }
    await context.step('record-promotion', async () => {
      const current = await this.load(tenantId, targetSiteId);
      if (current.promotedFromSiteId !== payload.siteId)
        await this.deps.sites.change(current, {
          expectedVersion: current.version,
          expectedStatuses: ['PROVISIONING', 'ACTIVE'],
          changes: { promotedFromSiteId: payload.siteId },
        });
      return { promotedFromSiteId: payload.siteId };
    });
    await activateNewSite(context, this.deps, tenantId, targetSiteId);
    await context.step('discard-transfer', () => this.deps.transfer.discard(exported.artifactKey));
    return {
      result: { targetSiteId, targetUrl: target.site.siteUrl, backupId: backup.backupId },
      message: `Site ${payload.siteId} promoted to ${target.site.siteUrl}`,
    };
  }

  /** The target's blog: an ACTIVE target has it; a new one (PROVISIONING) gets it now, once. */
  private async ensureTarget(target: SiteOnNetwork, payload: SitePromotionPayload): Promise<TargetState> {
    const site = await this.load(target.site.tenantId, target.site.siteId);
    const writable = site.status === 'ACTIVE' || site.status === 'PROVISIONING';
    if (!writable || site.environment !== payload.targetEnvironment)
      throw new PromotionTargetNotReadyError(site.siteId, site.status, site.environment);
    const { wpSiteId } = await this.deps.network.ensureBlog(target, {
      title: site.siteName,
      adminEmail: `admin@${target.host}`,
    });
    return { wpSiteId, fresh: site.status === 'PROVISIONING' };
  }

  /** Imports the source; when that fails, restores the pre-promotion backup and fails the operation for good. */
  private async importOrRollBack(
    target: SiteOnNetwork,
    ref: SiteRef,
    exported: ExportedSite,
    backup: { backupId: string },
    payload: SitePromotionPayload,
  ) {
    try {
      const result = await this.deps.transfer.import(target, ref, exported, {
        includeDatabase: payload.includeDatabase,
        includeFiles: payload.includeFiles,
      });
      return {
        tables: result.tables,
        rows: result.rows,
        files: result.files,
        rewritten: result.rowsRewritten,
      };
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      try {
        const site = await this.load(target.site.tenantId, target.site.siteId);
        const taken = await this.deps.backupRecords.get(site.siteId, backup.backupId);
        if (!taken) throw new Error(`backup ${backup.backupId} is missing`);
        await this.deps.backups.restore(site, taken);
      } catch (rollbackError) {
        const rollback = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
        throw new PromotionRollbackFailedError(target.site.siteId, backup.backupId, cause, rollback);
      }
      throw new PromotionRolledBackError(target.site.siteId, backup.backupId, cause);
    }
  }

  /**
   * The source's template on the target. Usage counts move by the step's first attempt only: +1 for the
   * template a new target or a changed one gets, -1 for the one an existing target leaves.
   */
  private async syncTemplate(source: Site, targetSiteId: string, fresh: boolean, firstAttempt: boolean) {
    const target = await this.load(source.tenantId, targetSiteId);
    const previous = fresh ? null : target.templateId;
    const templateId = source.templateId;
    const changed = fresh || previous !== templateId;
    if (firstAttempt && changed) {
      if (templateId) await this.deps.templates.adjustUsage(templateId, 1);
      if (previous) await this.deps.templates.adjustUsage(previous, -1);
    }
    if (target.templateId !== templateId)
      await this.deps.sites.change(target, {
        expectedVersion: target.version,
        expectedStatuses: ['PROVISIONING', 'ACTIVE'],
        changes: { templateId },
      });
    return { templateId, previous, counted: firstAttempt && changed };
  }

  private load(tenantId: string, siteId: string): Promise<Site> {
    return this.deps.network.load(tenantId, siteId);
  }
}
