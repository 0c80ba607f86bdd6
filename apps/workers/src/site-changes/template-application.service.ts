import type { TemplateDao } from '@bbws/data-access-catalogue';
import type { SiteDao } from '@bbws/data-access-sites';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { TemplateApplicationPayload } from '@bbws/shared-contracts';
import { ItemMissingError } from '@bbws/shared-errors';
import type { SiteTemplateApplier } from '../sites/site-template.applier';
import type { SiteTargets } from '../sites/site-targets';

/**
 * TEMPLATE_APPLICATION: the template applied as creation applies it (pages by slug, options, theme,
 * its plugins), then the catalogue's usage counts moved — the new template +1, the one the site had −1 —
 * each in its own step (a redelivery does not count again), then `templateId` stored on the site. The
 * previous template is checkpointed first, so a resumed operation knows it after the site has changed.
 */
export class TemplateApplicationService {
  constructor(
    private readonly targets: SiteTargets,
    private readonly sites: Pick<SiteDao, 'change'>,
    private readonly templates: Pick<TemplateDao, 'adjustUsage'>,
    private readonly applier: SiteTemplateApplier,
  ) {}

  async apply(context: OperationContext<TemplateApplicationPayload>): Promise<OperationOutcome> {
    const { payload } = context;
    const tenantId = context.operation.tenantId;
    const { templateId } = payload;
    await context.plan([
      'note-previous-template',
      'apply-template',
      'count-template-usage',
      'release-previous-template',
      'record-template',
    ]);
    const { previousTemplateId } = await context.step('note-previous-template', async () => ({
      previousTemplateId: (await this.targets.site(tenantId, payload.siteId)).templateId,
    }));
    const changed = previousTemplateId !== templateId;
    const applied = await context.step('apply-template', async () => {
      const target = await this.targets.load(tenantId, payload.siteId);
      const result = await this.applier.apply(target.site, target.connection, target.ref, templateId);
      return { pages: result.pages, plugins: result.plugins };
    });
    await context.step('count-template-usage', async () =>
      changed ? { usageCount: await this.templates.adjustUsage(templateId, 1) } : { skipped: true },
    );
    await context.step('release-previous-template', async () =>
      changed && previousTemplateId
        ? { usageCount: await this.releaseUsage(previousTemplateId) }
        : { skipped: true },
    );
    await context.step('record-template', async () => {
      const current = await this.targets.site(tenantId, payload.siteId);
      if (current.templateId === templateId && current.lastError === null) return;
      await this.sites.change(current, {
        expectedVersion: current.version,
        changes: { templateId, lastError: null },
      });
    });
    return {
      result: { siteId: payload.siteId, templateId, previousTemplateId, pages: applied.pages },
      message: `Template ${templateId} applied`,
    };
  }

  /** A template deleted from the catalogue since has no count left to lower. */
  private async releaseUsage(templateId: string): Promise<number | null> {
    try {
      return await this.templates.adjustUsage(templateId, -1);
    } catch (error) {
      if (error instanceof ItemMissingError) return null;
      throw error;
    }
  }
}
