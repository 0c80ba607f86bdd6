import { ParseIdPipe } from '@bbws/platform-http';

export const PluginIdPipe = new ParseIdPipe('plg', 'pluginId');
