import { ParseIdPipe } from '@bbws/platform-http';

export const DivisionIdPipe = new ParseIdPipe('div', 'divisionId');
export const GroupIdPipe = new ParseIdPipe('grp', 'groupId');
export const TeamIdPipe = new ParseIdPipe('team', 'teamId');
