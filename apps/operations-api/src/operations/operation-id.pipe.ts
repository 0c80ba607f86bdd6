import { ParseIdPipe } from '@bbws/platform-http';

export const OperationIdPipe = new ParseIdPipe('op', 'operationId');
