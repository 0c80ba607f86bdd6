import { ParseIdPipe } from '@bbws/platform-http';

export const InstanceIdPipe = new ParseIdPipe('inst', 'instanceId');
