import { ParseIdPipe } from '@bbws/platform-http';

export const WebhookIdPipe = new ParseIdPipe('whk', 'webhookId');
