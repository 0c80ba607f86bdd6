import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import { SITE_ACTIONS, hasContent } from '../site-state.rules';
import type { SitePlacement } from './site-placement';
import type { SiteOperations, SiteRequest } from './site-operations';

/**
 * POST .../{s}/apply-template: ADMIN or OPERATOR, ACTIVE sites, not PROD (its content arrives by
 * promotion). The template must be PUBLISHED and run on the site's WordPress; replacing the content of a
 * site that has some (see `hasContent`) needs `confirmReplacement: true`.
 */
export class ApplyTemplate {
  constructor(
    private readonly operations: Pick<SiteOperations, 'load' | 'launch'>,
    private readonly placement: Pick<SitePlacement, 'checkTemplate'>,
  ) {}

  async apply(
    request: SiteRequest,
    input: { templateId: string; confirmReplacement?: boolean },
  ): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.APPLY_TEMPLATE.roles);
    const confirmReplacement = input.confirmReplacement === true;
    return this.operations.launch({
      request,
      loaded,
      action: 'APPLY_TEMPLATE',
      check: async (site) => {
        await this.placement.checkTemplate(input.templateId, site);
        if (hasContent(site) && !confirmReplacement)
          throw new BusinessRuleError(
            'REPLACEMENT_NOT_CONFIRMED',
            'The site has content: send confirmReplacement: true to replace it with the template',
            { siteId: site.siteId, currentTemplateId: site.templateId },
          );
      },
      contract: MESSAGES.TEMPLATE_APPLICATION,
      payload: (site) => ({ siteId: site.siteId, templateId: input.templateId, confirmReplacement }),
    });
  }
}
