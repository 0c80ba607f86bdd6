import { ParseIdPipe } from '@bbws/platform-http';

export const SiteIdPipe = new ParseIdPipe('site', 'siteId');
