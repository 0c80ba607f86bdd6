import type { Template, TemplateCategory } from '@bbws/data-access-catalogue';
import type { UploadSlot } from '@bbws/integrations-packages';
import { link, links, presentPage, type Page } from '@bbws/shared-hateoas';
import type {
  TemplateCategoriesResponseDto,
  TemplateListResponseDto,
  TemplatePreviewResponseDto,
  TemplateResponseDto,
  UploadSlotResponseDto,
} from './dto/template.response.dto';
import { canTransition } from './template-status.rules';
import { templateRoutes } from './templates.routes';

/** The template (every stored field but internal keys) with what the caller may do in its state. */
export function presentTemplate(template: Template, admin: boolean): TemplateResponseDto {
  const { templateId: id, status } = template;
  return {
    ...template,
    theme: { ...template.theme },
    _links: links([
      ['self', link(templateRoutes.template(id))],
      ['collection', link(templateRoutes.collection)],
      ['preview', link(templateRoutes.preview(id)), template.screenshots.length > 0],
      ['update', link(templateRoutes.adminTemplate(id), 'PATCH'), admin && status !== 'ARCHIVED'],
      [
        'publish',
        link(templateRoutes.action(id, 'publish'), 'POST'),
        admin && canTransition(status, 'PUBLISHED'),
      ],
      [
        'archive',
        link(templateRoutes.action(id, 'archive'), 'POST'),
        admin && canTransition(status, 'ARCHIVED'),
      ],
      ['clone', link(templateRoutes.action(id, 'clone'), 'POST'), admin],
      ['delete', link(templateRoutes.adminTemplate(id), 'DELETE'), admin && template.usageCount === 0],
    ]),
  };
}

export interface ListView {
  page: Page<Template>;
  admin: boolean;
  path: string;
  query: Record<string, string | undefined>;
  pageSize: number;
}

export function presentTemplateList({
  page,
  admin,
  path,
  query,
  pageSize,
}: ListView): TemplateListResponseDto {
  const presented = presentPage(page, (template) => presentTemplate(template, admin), {
    path,
    query,
    pageSize,
  });
  return {
    ...presented,
    _links: links([
      ...Object.entries(presented._links).map(([rel, value]): [string, typeof value] => [rel, value]),
      ['categories', link(templateRoutes.categories)],
      ['create', link(templateRoutes.adminCollection, 'POST'), admin],
      ['uploads', link(templateRoutes.uploads, 'POST'), admin],
    ]),
  };
}

export function presentCategories(
  counts: Array<{ category: TemplateCategory; count: number }>,
): TemplateCategoriesResponseDto {
  return {
    items: counts,
    _links: links([
      ['self', link(templateRoutes.categories)],
      ['templates', link(templateRoutes.collection)],
    ]),
  };
}

export function presentPreview(
  templateId: string,
  preview: { url: string; expiresAt: Date },
): TemplatePreviewResponseDto {
  return {
    previewUrl: preview.url,
    expiresAt: preview.expiresAt.toISOString(),
    _links: links([
      ['self', link(templateRoutes.preview(templateId))],
      ['template', link(templateRoutes.template(templateId))],
    ]),
  };
}

export function presentUploadSlot(slot: UploadSlot): UploadSlotResponseDto {
  return { ...slot };
}
