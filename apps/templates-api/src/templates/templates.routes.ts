/** Every href the templates API hands out comes from here. */
export type TemplateActionPath = 'publish' | 'archive' | 'clone';

const collection = '/v1.0/templates';
const template = (templateId: string) => `${collection}/${templateId}`;
const adminCollection = '/v1.0/admin/templates';
const adminTemplate = (templateId: string) => `${adminCollection}/${templateId}`;

export const templateRoutes = {
  collection,
  categories: `${collection}/categories`,
  template,
  preview: (templateId: string) => `${template(templateId)}/preview`,
  adminCollection,
  uploads: `${adminCollection}/uploads`,
  adminTemplate,
  action: (templateId: string, action: TemplateActionPath) => `${adminTemplate(templateId)}/${action}`,
};
