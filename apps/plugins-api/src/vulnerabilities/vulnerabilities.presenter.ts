import { link, type Links } from '@bbws/shared-hateoas';
import type { ImportReport, PluginVersionChange } from './use-cases/import-vulnerabilities';
import { pluginRoutes } from '../plugins/plugins.routes';

export type ImportReportView = ImportReport & {
  changes: (PluginVersionChange & { _links: Links })[];
  _links: Links;
};

/** The import report with a link to each changed plugin, another import and the upload of a feed. */
export function presentImportReport(report: ImportReport): ImportReportView {
  return {
    ...report,
    changes: report.changes.map((change) => ({
      ...change,
      _links: { plugin: link(pluginRoutes.plugin(change.pluginId)) },
    })),
    _links: {
      import: link(pluginRoutes.vulnerabilityImport, 'POST'),
      upload: link(pluginRoutes.uploads, 'POST'),
      plugins: link(pluginRoutes.adminCollection),
    },
  };
}
