import { link, type Links } from '@bbws/shared-hateoas';
import type { ImportReport, PluginVersionChange } from './use-cases/import-vulnerabilities';
import { vulnerabilityRoutes } from './vulnerabilities.routes';

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
      _links: { plugin: link(vulnerabilityRoutes.plugin(change.pluginId)) },
    })),
    _links: {
      import: link(vulnerabilityRoutes.import, 'POST'),
      upload: link(vulnerabilityRoutes.uploads, 'POST'),
      plugins: link(vulnerabilityRoutes.adminPlugins),
    },
  };
}
