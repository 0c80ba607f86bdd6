import type { AppDescription } from '@bbws/platform-bootstrap';

export const TEMPLATES_API_DESCRIPTION: AppDescription = {
  title: 'BBWS templates API',
  description:
    'The site template catalogue: every authenticated caller lists and reads PUBLISHED templates (search, ' +
    'categories with counts, a presigned screenshot preview); platform admins upload theme packages and ' +
    'screenshots through presigned PUTs into the artifact store, create DRAFT templates (theme, catalogue ' +
    'plugins, allow-listed WordPress options, pages), update them (If-Match; a PUBLISHED template’s content ' +
    'changes only with a higher templateVersion), publish, archive, clone, and delete them while no site ' +
    'uses them. All routes under /v1.0; errors use the envelope { error: { code, message, details }, ' +
    'requestId, timestamp }.',
};
