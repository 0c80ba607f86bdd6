import type { Instance } from '@bbws/data-access-instances';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import { connectionOf, type InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type { SiteRef, WordPressClient, WordPressConnection } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { SiteDeletionPayload } from '@bbws/shared-contracts';
import { UpstreamError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import type { SiteBackups } from '../site-backups/site-backups';
import type { SiteTargets } from '../sites/site-targets';
import { SiteInstanceNotReadyError } from '../sites/site-creation.errors';
import type { SiteHostRemover } from './site-host.remover';
import type { SiteRecordsCleanup } from './site-records.cleanup';
import { subdomainGuardRelease } from './subdomain-guard.choice';

/** How long a soft-deleted PROD site waits before the purge deletes it for good. */
export const SOFT_DELETE_HOURS = 24;

export interface SiteDeletionDeps {
  targets: SiteTargets;
  sites: Pick<SiteDao, 'change' | 'markDeleted' | 'subdomainHolder' | 'listByTenant'>;
  backups: SiteBackups;
  records: SiteRecordsCleanup;
  hosts: SiteHostRemover;
  wordpress: Pick<WordPressClient, 'setSiteStatus' | 'deleteSite'>;
  agents: InstanceAgentAccess;
  events: Pick<EventPublisher, 'publish'>;
  clock: Clock;
}

/** The site's blog on its instance's network; null when there is none (never created, instance gone). */
interface Blog {
  instance: Instance;
  connection: WordPressConnection;
  ref: SiteRef;
}

/**
 * SITE_DELETION on `bbws-wp-site-deletion` (the API put the site DEPROVISIONING). A PRE_DELETE backup
 * first, kept after the delete. A PROD site with a blog, without `force`, is soft-deleted: its blog
 * deactivated (the URL answers as gone), `purgeAfter` = now + 24 h, the site left DEPROVISIONING; the
 * purge task deletes it then (SITE_DELETION with `force`), unless restored meanwhile. Otherwise the
 * blog is deleted (already gone is fine), the host removed from the listener, the catalogue counts
 * lowered, the site DELETED with its subdomain guard released, handed over or kept (promotion lineage),
 * and `site.deleted`.
 */
export class SiteDeletionService {
  constructor(private readonly deps: SiteDeletionDeps) {}

  async delete(context: OperationContext<SiteDeletionPayload>): Promise<OperationOutcome> {
    const { payload, operation } = context;
    const initial = await this.deps.targets.site(operation.tenantId, payload.siteId);
    if (initial.status === 'DELETED' && !context.steps.some((step) => step.name === 'mark-deleted')) {
      return { result: { siteId: payload.siteId, deleted: true }, message: 'The site was deleted already' };
    }
    // A site without a blog on a live instance has nothing to keep for 24 h: it is deleted at once.
    const soft =
      initial.environment === 'PROD' &&
      !payload.force &&
      initial.wpSiteId !== null &&
      (await this.deps.targets.instanceOf(initial)) !== null;
    await context.plan([
      'backup',
      ...(soft
        ? ['deactivate-blog', 'schedule-purge']
        : ['delete-blog', 'remove-host', 'remove-plugins', 'release-template', 'mark-deleted']),
    ]);
    const site = () => this.deps.targets.site(operation.tenantId, payload.siteId);
    const backup = await context.step('backup', async () => this.backup(context, await site()));
    if (soft) return this.softDelete(context, site, backup.backupId);

    await context.step('delete-blog', async () => {
      const blog = await this.blogOf(await site());
      if (!blog) return { skipped: 'the site has no blog on a live instance' };
      try {
        await this.deps.wordpress.deleteSite(blog.connection, blog.ref);
        return { blogId: blog.ref.blogId, deleted: true };
      } catch (error) {
        if (isBlogGone(error)) return { blogId: blog.ref.blogId, alreadyGone: true };
        throw error;
      }
    });
    await context.step('remove-host', async () => {
      const current = await site();
      const instance = await this.deps.targets.instanceOf(current);
      if (!instance) return { skipped: 'the instance is gone' };
      const change = await this.deps.hosts.remove(instance, new URL(current.siteUrl).hostname);
      return { action: change.action, ruleArn: change.ruleArn ?? null, priority: change.priority ?? null };
    });
    await context.step('remove-plugins', async () => ({
      removed: await this.deps.records.removePlugins(await site()),
    }));
    await context.step('release-template', async () => ({
      usageCount: await this.deps.records.releaseTemplate(await site()),
    }));
    await this.markDeleted(context, site, backup.backupId);
    return {
      result: { siteId: payload.siteId, deleted: true, backupId: backup.backupId },
      message: `Site ${initial.siteName} is deleted${backup.backupId ? `; backup ${backup.backupId} is kept` : ''}`,
    };
  }

  /**
   * The PRE_DELETE backup; none for a site without a blog, nor for a soft-deleted site being purged (its
   * soft delete backed it up, and its blog has been deactivated since).
   */
  private async backup(
    context: OperationContext<SiteDeletionPayload>,
    site: Site,
  ): Promise<{ backupId: string | null }> {
    if (site.purgeAfter !== null || site.wpSiteId === null || !(await this.deps.targets.instanceOf(site))) {
      return { backupId: null };
    }
    const request = {
      reason: 'PRE_DELETE' as const,
      operationId: context.operation.operationId,
      createdBy: context.operation.createdBy,
    };
    try {
      const { backup } = await this.deps.backups.take(site, request);
      return { backupId: backup.backupId };
    } catch (error) {
      if (!isBlogGone(error)) throw error;
      // The blog was deleted outside the platform: nothing is left to back up.
      await this.deps.backups.abandon(
        site.siteId,
        this.deps.backups.backupIdOf(request.operationId, 'PRE_DELETE'),
      );
      return { backupId: null };
    }
  }

  private async softDelete(
    context: OperationContext<SiteDeletionPayload>,
    site: () => Promise<Site>,
    backupId: string | null,
  ): Promise<OperationOutcome> {
    await context.step('deactivate-blog', async () => {
      const blog = await this.blogOf(await site());
      if (!blog) throw new SiteInstanceNotReadyError((await site()).instanceId, null);
      const record = await this.deps.wordpress.setSiteStatus(blog.connection, blog.ref, 'deactivated');
      return { blogStatus: record.status };
    });
    const { purgeAfter } = await context.step('schedule-purge', async () => {
      const current = await site();
      if (current.purgeAfter) return { purgeAfter: current.purgeAfter };
      const at = new Date(this.deps.clock.now().getTime() + SOFT_DELETE_HOURS * 3600_000).toISOString();
      await this.deps.sites.change(current, {
        expectedVersion: current.version,
        expectedStatuses: ['DEPROVISIONING'],
        changes: { purgeAfter: at, lastError: null },
      });
      return { purgeAfter: at };
    });
    return {
      result: { siteId: context.payload.siteId, softDeleted: true, purgeAfter, backupId },
      message:
        `The site is deactivated and will be deleted for good after ${purgeAfter}; ` +
        'set its status to ACTIVE before then to restore it',
    };
  }

  /** DELETED with the subdomain guard released as the lineage needs, then `site.deleted`, once. */
  private async markDeleted(
    context: OperationContext<SiteDeletionPayload>,
    site: () => Promise<Site>,
    backupId: string | null,
  ): Promise<void> {
    // An earlier attempt that started this step may have deleted the site without announcing it.
    const resumed = context.steps.some(
      (step) => step.name === 'mark-deleted' && step.status === 'IN_PROGRESS',
    );
    await context.step('mark-deleted', async () => {
      const current = await site();
      if (current.status === 'DELETED' && !resumed) return;
      const deleted =
        current.status === 'DELETED'
          ? current
          : await this.deps.sites.markDeleted(
              current,
              current.version,
              await subdomainGuardRelease(this.deps.sites, current),
            );
      await this.deps.events.publish({
        tenantId: deleted.tenantId,
        type: 'site.deleted',
        correlationId: context.envelope.correlationId,
        data: {
          siteId: deleted.siteId,
          siteName: deleted.siteName,
          environment: deleted.environment,
          siteUrl: deleted.siteUrl,
          status: deleted.status,
          backupId,
          operationId: context.operation.operationId,
        },
      });
    });
  }

  private async blogOf(site: Site): Promise<Blog | null> {
    const instance = await this.deps.targets.instanceOf(site);
    if (!instance || site.wpSiteId === null) return null;
    return {
      instance,
      connection: await connectionOf(this.deps.agents, instance),
      ref: { blogId: site.wpSiteId, host: new URL(site.siteUrl).hostname },
    };
  }
}

function isBlogGone(error: unknown): boolean {
  return error instanceof UpstreamError && error.code === 'WORDPRESS_SITE_NOT_FOUND';
}
