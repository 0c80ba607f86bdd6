import { ParseIdPipe } from '@bbws/platform-http';

export const TemplateIdPipe = new ParseIdPipe('tpl', 'templateId');
