import type { AppDescription } from '@bbws/platform-bootstrap';

export const PLUGINS_API_DESCRIPTION: AppDescription = {
  title: 'BBWS plugins API',
  description:
    'The curated plugin catalogue. Everyone signed in reads approved, non-blocklisted plugins (filters ' +
    'category, pricing, search), a plugin with its versions and known vulnerabilities, and asks whether a ' +
    'version can be installed next to other plugins on a WordPress version (installability). Platform ' +
    'administrators register plugins, add versions from packages uploaded to the artifact store through ' +
    'presigned URLs (inspected: a zip of at most 50 MiB whose top folder is the wpSlug; sha256 computed), ' +
    'blocklist, keep conflicts symmetric and import the Wordfence vulnerability feed. All routes under ' +
    '/v1.0; errors use the envelope { error: { code, message, details }, requestId, timestamp }.',
};
