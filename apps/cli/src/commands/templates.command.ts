import type { Command } from 'commander';
import { unwrap } from '@bbws/sdk';
import { collectList } from '../output/collect-list';
import { withListOptions, type ListFlags } from '../runtime/command-options';
import type { CliIo } from '../runtime/cli-io';
import { action } from '../runtime/run-action';
import { CATEGORY_COLUMNS, TEMPLATE_COLUMNS, TEMPLATE_FIELDS, type Template } from '../views/catalogue.view';

interface TemplateListFlags extends ListFlags {
  search?: string;
  category?: Template['category'];
}

export function registerTemplatesCommands(program: Command, io: CliIo): void {
  const templates = program
    .command('templates')
    .description('the site template catalogue (PUBLISHED templates)');

  withListOptions(
    templates
      .command('list')
      .description('templates to build a site from')
      .option('--search <text>', 'in names and descriptions')
      .option('--category <category>', 'BUSINESS, PORTFOLIO, BLOG, ECOMMERCE, LANDING or OTHER'),
  ).action(
    action(io, async ({ client, output }, flags: TemplateListFlags) => {
      const rows = await collectList<Template>(flags, (startAt, pageSize) =>
        client.templates.GET('/v1.0/templates', {
          params: { query: { search: flags.search, category: flags.category, startAt, pageSize } },
        }),
      );
      output.list(rows, TEMPLATE_COLUMNS);
    }),
  );

  templates
    .command('get <templateId>')
    .description('one template: theme, plugins, pages')
    .action(
      action(io, async ({ client, output }, templateId: string) => {
        const template = await unwrap(
          client.templates.GET('/v1.0/templates/{templateId}', { params: { path: { templateId } } }),
        );
        output.item(template, TEMPLATE_FIELDS);
      }),
    );

  templates
    .command('categories')
    .description('the categories with how many PUBLISHED templates each has')
    .action(
      action(io, async ({ client, output }) => {
        const categories = await unwrap(client.templates.GET('/v1.0/templates/categories'));
        output.list(categories.items, CATEGORY_COLUMNS);
      }),
    );
}
