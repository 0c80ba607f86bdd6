import { ParseIdPipe } from '@bbws/platform-http';

export const BackupIdPipe = new ParseIdPipe('bkp', 'backupId');
