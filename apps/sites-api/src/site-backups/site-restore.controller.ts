import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { accepted, siteRequest } from '../sites/accepted';
import { SiteIdPipe } from '../sites/site-id.pipe';
import { BackupIdPipe } from './backup-id.pipe';
import { RestoreSiteRequestDto } from './dto/backup.request.dto';
import { BackupOperations } from './use-cases/backup-operations';

/** Restoring a site from one of its backups (ADMIN): 202 RESTORE. */
@ApiTags('site backups')
@ApiBearerAuth()
@ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
@ApiErrors(400, 401, 403, 404, 409, 422)
@Controller('v1.0/tenants/:tenantId/sites/:siteId')
export class SiteRestoreController {
  constructor(private readonly operations: BackupOperations) {}

  @Post('backups/:backupId/restore')
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Restore a COMPLETED backup of this site onto it (ADMIN; ACTIVE or SUSPENDED, PROD included): RESTORE, ' +
      'which backs up the current state first. 422 BACKUP_NOT_RESTORABLE for a backup not COMPLETED',
  })
  async restore(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('backupId', BackupIdPipe) backupId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    return accepted(reply, await this.operations.restore(request, backupId));
  }

  @Post('restore')
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiIfMatch()
  @ApiOperation({ summary: 'Alias of POST .../backups/{backupId}/restore with the backup id in the body' })
  async restoreAlias(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: RestoreSiteRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IfMatch() ifMatch?: number,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply, ifMatch);
    return accepted(reply, await this.operations.restore(request, body.backupId));
  }
}
