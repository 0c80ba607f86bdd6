import type { Template, TemplateDao, TemplateOptionValue } from '@bbws/data-access-catalogue';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { newId, type Clock } from '@bbws/shared-util';
import type { CreateTemplateRequestDto } from '../dto/template.request.dto';
import { templateNotFound } from '../template-errors';
import type { TemplateArtifacts } from './template-artifacts';
import type { TemplateContentCheck } from './template-content-check';

export const DEFAULT_TEMPLATE_VERSION = '1.0.0';
export const DEFAULT_MIN_WORDPRESS_VERSION = '6.1';

/** New DRAFT templates (platform admins): from a request, or as a clone of another template. */
export class CreateTemplate {
  constructor(
    private readonly templates: Pick<TemplateDao, 'create' | 'get'>,
    private readonly content: Pick<TemplateContentCheck, 'check'>,
    private readonly artifacts: Pick<TemplateArtifacts, 'prepare'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Content rules and catalogue plugins are checked, then the uploads inspected, and only then are the
   * packages kept and the template stored (the uploads are dropped after).
   */
  async create(caller: Caller, body: CreateTemplateRequestDto): Promise<Template> {
    requirePlatformAdmin(caller);
    const draft = this.newDraft(caller, {
      name: body.name,
      description: body.description ?? '',
      category: body.category,
      templateVersion: body.templateVersion ?? DEFAULT_TEMPLATE_VERSION,
      theme: { slug: body.theme.slug, packageArtifact: null },
      plugins: body.plugins ?? [],
      options: (body.options ?? {}) as Record<string, TemplateOptionValue>,
      pages: (body.pages ?? []).map(({ title, slug, content }) => ({ title, slug, content })),
      screenshots: [],
      demoUrl: body.demoUrl ?? null,
      minWordPressVersion: body.minWordPressVersion ?? DEFAULT_MIN_WORDPRESS_VERSION,
      clonedFromTemplateId: null,
    });
    await this.content.check(draft, { pluginsChanged: true });
    const { packageUploadId } = body.theme;
    const prepared = await this.artifacts.prepare({
      ...(packageUploadId ? { theme: { slug: body.theme.slug, uploadId: packageUploadId } } : {}),
      ...(body.screenshotUploadIds ? { screenshotUploadIds: body.screenshotUploadIds } : {}),
    });
    const template: Template = {
      ...draft,
      theme: { slug: draft.theme.slug, packageArtifact: prepared.theme ?? null },
      screenshots: prepared.screenshots ?? [],
    };
    await prepared.store();
    await this.templates.create(template);
    await prepared.discard();
    return template;
  }

  /** A DRAFT copy sharing the source's packages and screenshots (content-addressed, never deleted with it). */
  async clone(caller: Caller, templateId: string, name?: string): Promise<Template> {
    requirePlatformAdmin(caller);
    const source = await this.templates.get(templateId);
    if (!source) throw templateNotFound(templateId);
    const {
      templateId: _id,
      status: _status,
      usageCount: _usage,
      publishedAt: _published,
      createdAt: _created,
      createdBy: _by,
      updatedAt: _updated,
      version: _version,
      ...content
    } = source;
    const copy = this.newDraft(caller, {
      ...content,
      name: name ?? `${source.name} (copy)`.slice(0, 100),
      clonedFromTemplateId: source.templateId,
    });
    await this.templates.create(copy);
    return copy;
  }

  private newDraft(
    caller: Caller,
    fields: Omit<
      Template,
      | 'templateId'
      | 'status'
      | 'usageCount'
      | 'publishedAt'
      | 'createdAt'
      | 'createdBy'
      | 'updatedAt'
      | 'version'
    >,
  ): Template {
    const now = this.clock.now().toISOString();
    return {
      templateId: newId('tpl'),
      ...fields,
      status: 'DRAFT',
      usageCount: 0,
      publishedAt: null,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      version: 1,
    };
  }
}
