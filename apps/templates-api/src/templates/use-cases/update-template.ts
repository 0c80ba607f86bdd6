import type { Template, TemplateDao, TemplateOptionValue } from '@bbws/data-access-catalogue';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { BusinessRuleError } from '@bbws/shared-errors';
import type { UpdateTemplateRequestDto } from '../dto/template.request.dto';
import { contentChanged, versionIncreased } from '../template-content.rules';
import { assertIfMatch, templateNotFound, toTemplateAppError } from '../template-errors';
import { assertEditable } from '../template-status.rules';
import type { TemplateArtifacts } from './template-artifacts';
import type { TemplateContentCheck } from './template-content-check';

export interface TemplateRequest {
  caller: Caller;
  templateId: string;
  ifMatch?: number;
}

/** PATCH/PUT of a DRAFT or PUBLISHED template (platform admins); the fields given replace the current ones. */
export class UpdateTemplate {
  constructor(
    private readonly templates: Pick<TemplateDao, 'get' | 'replace'>,
    private readonly content: Pick<TemplateContentCheck, 'check'>,
    private readonly artifacts: Pick<TemplateArtifacts, 'prepare'>,
  ) {}

  /**
   * 412 on a stale If-Match, 422 TEMPLATE_ARCHIVED, the content rules of create, and on a PUBLISHED
   * template 422 TEMPLATE_VERSION_NOT_INCREASED when its content changes without a higher templateVersion.
   */
  async update(request: TemplateRequest, body: UpdateTemplateRequestDto): Promise<Template> {
    requirePlatformAdmin(request.caller);
    const current = await this.templates.get(request.templateId);
    if (!current) throw templateNotFound(request.templateId);
    assertIfMatch(request.ifMatch, current);
    assertEditable(current);
    const { theme } = body;
    const edited: Template = {
      ...current,
      ...defined({
        name: body.name,
        description: body.description,
        category: body.category,
        templateVersion: body.templateVersion,
        plugins: body.plugins,
        options: body.options as Record<string, TemplateOptionValue> | undefined,
        pages: body.pages?.map(({ title, slug, content }) => ({ title, slug, content })),
        minWordPressVersion: body.minWordPressVersion,
      }),
      demoUrl: body.demoUrl === undefined ? current.demoUrl : body.demoUrl,
    };
    await this.content.check(edited, { pluginsChanged: body.plugins !== undefined });
    const prepared = await this.artifacts.prepare({
      ...(theme?.packageUploadId ? { theme: { slug: theme.slug, uploadId: theme.packageUploadId } } : {}),
      ...(body.screenshotUploadIds ? { screenshotUploadIds: body.screenshotUploadIds } : {}),
    });
    const next: Template = {
      ...edited,
      theme: theme
        ? {
            slug: theme.slug,
            // Without a new package the current one stays while the slug does; another slug is a core theme.
            packageArtifact:
              prepared.theme ?? (theme.slug === current.theme.slug ? current.theme.packageArtifact : null),
          }
        : current.theme,
      screenshots: prepared.screenshots ?? current.screenshots,
    };
    if (
      current.status === 'PUBLISHED' &&
      contentChanged(current, next) &&
      !versionIncreased(current.templateVersion, next.templateVersion)
    )
      throw new BusinessRuleError(
        'TEMPLATE_VERSION_NOT_INCREASED',
        'Changing a published template needs a higher templateVersion',
        { currentTemplateVersion: current.templateVersion, templateVersion: next.templateVersion },
      );
    await prepared.store();
    const saved = await this.templates
      .replace(next, request.ifMatch ?? current.version)
      .catch((error: unknown) => {
        throw toTemplateAppError(error, request);
      });
    await prepared.discard();
    return saved;
  }
}

/** The entries whose value is not undefined. */
function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
