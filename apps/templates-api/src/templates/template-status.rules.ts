import type { Template, TemplateStatus } from '@bbws/data-access-catalogue';
import { BusinessRuleError, InvalidStatusTransitionError } from '@bbws/shared-errors';

/** The template state machine: a draft is published or dropped; published and archived swap. */
const TRANSITIONS: Record<TemplateStatus, readonly TemplateStatus[]> = {
  DRAFT: ['PUBLISHED', 'ARCHIVED'],
  PUBLISHED: ['ARCHIVED'],
  ARCHIVED: ['PUBLISHED'],
};

export function allowedTransitions(status: TemplateStatus): readonly TemplateStatus[] {
  return TRANSITIONS[status];
}

export function canTransition(from: TemplateStatus, to: TemplateStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether the template has what publishing needs: at least one page (a site built from it shows its content). */
export function publishable(template: Pick<Template, 'pages'>): boolean {
  return template.pages.length > 0;
}

/**
 * 422 INVALID_STATUS_TRANSITION outside the state machine; 422 TEMPLATE_INCOMPLETE when publishing a
 * template without pages.
 */
export function assertTransition(template: Pick<Template, 'status' | 'pages'>, to: TemplateStatus): void {
  if (!canTransition(template.status, to))
    throw new InvalidStatusTransitionError(template.status, to, allowedTransitions(template.status));
  if (to === 'PUBLISHED' && !publishable(template))
    throw new BusinessRuleError('TEMPLATE_INCOMPLETE', 'A template needs at least one page to be published', {
      missing: ['pages'],
    });
}

/** ARCHIVED templates are read-only (publish them again to change them). */
export function assertEditable(template: Pick<Template, 'templateId' | 'status'>): void {
  if (template.status === 'ARCHIVED')
    throw new BusinessRuleError('TEMPLATE_ARCHIVED', `Template ${template.templateId} is archived`, {
      templateId: template.templateId,
    });
}
