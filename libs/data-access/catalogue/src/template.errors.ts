import { DomainError } from '@bbws/shared-errors';

/** Sites still use the template (its `usageCount` is above zero), so it cannot be deleted. */
export class TemplateInUseError extends DomainError {
  constructor(
    readonly templateId: string,
    readonly usageCount: number,
  ) {
    super(`Template ${templateId} is used by ${usageCount} site(s)`);
  }
}
