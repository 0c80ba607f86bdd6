import { ParseIdPipe } from '@bbws/platform-http';

export const SitePluginIdPipe = new ParseIdPipe('plg', 'pluginId');
