import { PageResponseDto } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';

export class OperationListResponseDto extends PageResponseDto(OperationResponseDto) {}
