import { isDeepStrictEqual } from 'node:util';
import { compareVersions } from 'compare-versions';
import type { Template, TemplatePage } from '@bbws/data-access-catalogue';
import { ValidationError, type FieldError } from '@bbws/shared-errors';
import { isWpVersion } from '@bbws/shared-util';
import { optionErrors } from './template-options.rules';

/** The pages' block markup together (an item stays well inside DynamoDB's 400 KB). */
export const MAX_PAGES_CONTENT_BYTES = 200 * 1024;

export interface TemplateContent {
  options: Readonly<Record<string, unknown>>;
  pages: readonly TemplatePage[];
  minWordPressVersion: string;
}

/** 400 with every field error: allow-listed typed options, unique page slugs, content size, WordPress version. */
export function assertValidContent(content: TemplateContent): void {
  const slugs = content.pages.map((page) => page.slug);
  const errors: FieldError[] = optionErrors(content.options, new Set(slugs));
  const repeated = [...new Set(slugs.filter((slug, index) => slugs.indexOf(slug) !== index))];
  if (repeated.length)
    errors.push({ field: 'pages', messages: [`slugs must be unique (${repeated.join(', ')})`] });
  const bytes = content.pages.reduce((total, page) => total + Buffer.byteLength(page.content), 0);
  if (bytes > MAX_PAGES_CONTENT_BYTES)
    errors.push({
      field: 'pages',
      messages: [`content must be at most ${MAX_PAGES_CONTENT_BYTES} bytes in total`],
    });
  if (!isWpVersion(content.minWordPressVersion))
    errors.push({
      field: 'minWordPressVersion',
      messages: ['must be a WordPress version such as 6.1 or 6.4.2'],
    });
  if (errors.length) throw new ValidationError('The template is not valid', errors);
}

/** What a site built from the template gets; changing it on a PUBLISHED template needs a higher templateVersion. */
const CONTENT_FIELDS = ['theme', 'plugins', 'options', 'pages', 'minWordPressVersion'] as const;

export function contentChanged(before: Template, after: Template): boolean {
  return CONTENT_FIELDS.some((field) => !isDeepStrictEqual(before[field], after[field]));
}

export function versionIncreased(before: string, after: string): boolean {
  return compareVersions(after, before) > 0;
}
