import { DomainError } from '@bbws/shared-errors';

/** A catalogue plugin with this wpSlug exists already (the slug guard is taken). */
export class PluginExistsError extends DomainError {
  constructor(
    readonly wpSlug: string,
    readonly existingPluginId?: string,
  ) {
    super(`A catalogue plugin with wpSlug ${wpSlug} already exists`);
  }
}
