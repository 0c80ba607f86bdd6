import type { Template, TemplateDao, TemplateStatus } from '@bbws/data-access-catalogue';
import { requirePlatformAdmin } from '@bbws/platform-auth';
import type { Clock } from '@bbws/shared-util';
import { assertIfMatch, templateNotFound, toTemplateAppError } from '../template-errors';
import { assertTransition } from '../template-status.rules';
import type { TemplateRequest } from './update-template';

/** Publish, archive and delete (platform admins), each at the version read or the caller's If-Match. */
export class TemplateLifecycle {
  constructor(
    private readonly templates: Pick<TemplateDao, 'get' | 'replace' | 'delete'>,
    private readonly clock: Clock,
  ) {}

  /** DRAFT or ARCHIVED -> PUBLISHED (with at least one page); `publishedAt` is the latest publication. */
  publish(request: TemplateRequest): Promise<Template> {
    return this.moveTo(request, 'PUBLISHED');
  }

  /** DRAFT or PUBLISHED -> ARCHIVED: out of the public list, still readable (sites built from it keep working). */
  archive(request: TemplateRequest): Promise<Template> {
    return this.moveTo(request, 'ARCHIVED');
  }

  /** 409 TEMPLATE_IN_USE while sites use it; its packages stay (clones may share them). */
  async delete(request: TemplateRequest): Promise<void> {
    const current = await this.load(request);
    await this.templates
      .delete(current.templateId, request.ifMatch ?? current.version)
      .catch((error: unknown) => {
        throw toTemplateAppError(error, request);
      });
  }

  private async moveTo(request: TemplateRequest, status: TemplateStatus): Promise<Template> {
    const current = await this.load(request);
    assertTransition(current, status);
    const publishedAt = status === 'PUBLISHED' ? this.clock.now().toISOString() : current.publishedAt;
    return this.templates
      .replace({ ...current, status, publishedAt }, request.ifMatch ?? current.version)
      .catch((error: unknown) => {
        throw toTemplateAppError(error, request);
      });
  }

  private async load(request: TemplateRequest): Promise<Template> {
    requirePlatformAdmin(request.caller);
    const current = await this.templates.get(request.templateId);
    if (!current) throw templateNotFound(request.templateId);
    assertIfMatch(request.ifMatch, current);
    return current;
  }
}
