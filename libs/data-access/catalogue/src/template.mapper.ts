import { readItem, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import type { Template } from './catalogue.entity';
import { templateKeys } from './template.keys';

export const TEMPLATE_SCHEMA_VERSION = 1;

/** A template as stored: the entity plus keys, index attributes and the lower-cased search text. */
export interface TemplateItem extends VersionedItemBase, Template {
  entityType: 'TEMPLATE';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  /** Name and description, lower-cased: what `search` matches with `contains`. */
  searchText: string;
}

/** The attributes that follow the template's status, category, name and description. */
export function templateIndexAttributes(
  template: Pick<Template, 'templateId' | 'name' | 'description' | 'status' | 'category'>,
) {
  const sort = templateKeys.byName(template.name, template.templateId);
  return {
    GSI1PK: templateKeys.byStatusAndCategory(template.status, template.category),
    GSI1SK: sort,
    GSI2PK: templateKeys.byStatus(template.status),
    GSI2SK: sort,
    searchText: searchTextOf(template.name, template.description),
  };
}

/** What a search term is matched against (and how the term itself is normalized). */
export function searchTextOf(...parts: string[]): string {
  return parts.join('\n').toLowerCase();
}

export function toTemplateItem(template: Template): TemplateItem {
  return {
    ...templateKeys.template(template.templateId),
    ...templateIndexAttributes(template),
    entityType: 'TEMPLATE',
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    ...template,
  };
}

export function fromTemplateItem(stored: StoredItem): Template {
  const item = readItem<TemplateItem>(stored);
  return {
    templateId: item.templateId,
    name: item.name,
    description: item.description,
    category: item.category,
    templateVersion: item.templateVersion,
    status: item.status,
    theme: { slug: item.theme.slug, packageArtifact: item.theme.packageArtifact ?? null },
    plugins: item.plugins ?? [],
    options: item.options ?? {},
    pages: item.pages ?? [],
    screenshots: item.screenshots ?? [],
    demoUrl: item.demoUrl ?? null,
    minWordPressVersion: item.minWordPressVersion,
    usageCount: Number(item.usageCount ?? 0),
    clonedFromTemplateId: item.clonedFromTemplateId ?? null,
    publishedAt: item.publishedAt ?? null,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
