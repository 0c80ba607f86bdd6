import type { Template, TemplateCategory, TemplateDao, TemplateStatus } from '@bbws/data-access-catalogue';
import type { ArtifactStore, PresignedDownload } from '@bbws/integrations-artifacts';
import type { UploadSlot, UploadSlots } from '@bbws/integrations-packages';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import { NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { TemplateUploadKind } from './dto/template.request.dto';
import { templateNotFound } from './template-errors';
import { listEveryStatus } from './use-cases/list-every-status';

export interface TemplateFilter {
  category?: TemplateCategory;
  search?: string;
}

const PREVIEW_SECONDS = 15 * 60;

/** Reads of the catalogue (PUBLISHED for everyone, every status for platform admins) and upload slots. */
export class TemplatesService {
  constructor(
    private readonly templates: Pick<TemplateDao, 'get' | 'listByStatus' | 'countPublishedByCategory'>,
    private readonly store: Pick<ArtifactStore, 'presignGet'>,
    private readonly uploads: Pick<UploadSlots, 'create'>,
  ) {}

  listPublished(filter: TemplateFilter, page: PageRequest): Promise<Page<Template>> {
    return this.templates.listByStatus({ ...filter, status: 'PUBLISHED', ...page });
  }

  listAll(caller: Caller, filter: TemplateFilter & { status?: TemplateStatus }, page: PageRequest) {
    requirePlatformAdmin(caller);
    const { status, ...rest } = filter;
    return status
      ? this.templates.listByStatus({ ...rest, status, ...page })
      : listEveryStatus(this.templates, rest, page);
  }

  categories(): Promise<Array<{ category: TemplateCategory; count: number }>> {
    return this.templates.countPublishedByCategory();
  }

  /** PUBLISHED and ARCHIVED templates for everyone; drafts only for platform admins (404 for others). */
  async get(caller: Caller, templateId: string): Promise<Template> {
    const template = await this.templates.get(templateId);
    if (!template || (template.status === 'DRAFT' && !caller.isPlatformAdmin))
      throw templateNotFound(templateId);
    return template;
  }

  /** A 15-minute presigned GET of the first screenshot; 404 TEMPLATE_PREVIEW_NOT_FOUND without one. */
  async preview(caller: Caller, templateId: string): Promise<PresignedDownload> {
    const [first] = (await this.get(caller, templateId)).screenshots;
    if (!first) throw new NotFoundError('TEMPLATE_PREVIEW', templateId);
    return this.store.presignGet(first.key, { expiresInSeconds: PREVIEW_SECONDS });
  }

  createUpload(caller: Caller, kind: TemplateUploadKind, contentType: string): Promise<UploadSlot> {
    requirePlatformAdmin(caller);
    return this.uploads.create(kind, contentType);
  }
}
