import { normalizeName } from '@bbws/shared-util';
import type { TemplateCategory, TemplateStatus } from './catalogue.entity';

const TEMPLATE_PARTITION = 'CATALOG#TEMPLATE';

/** Keys of template items in the sites table (DATA.md § bbws-sites). */
export const templateKeys = {
  template: (templateId: string) => ({ PK: TEMPLATE_PARTITION, SK: `TEMPLATE#${templateId}` }),
  /** GSI1: one status and category, by name. */
  byStatusAndCategory: (status: TemplateStatus, category: TemplateCategory) =>
    `TEMPLATES#${status}#${category}`,
  /** GSI2: one status, every category, by name. */
  byStatus: (status: TemplateStatus) => `TEMPLATES#${status}`,
  /** Sort key of both indexes: case- and space-insensitive name, then id for equal names. */
  byName: (name: string, templateId: string) => `${normalizeName(name)}#${templateId}`,
};
