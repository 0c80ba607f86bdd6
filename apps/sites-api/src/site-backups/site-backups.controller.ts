import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import {
  ApiErrors,
  ApiIdempotent,
  Idempotent,
  PageQueryDto,
  TenantIdPipe,
  pageRequest,
} from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { link } from '@bbws/shared-hateoas';
import { accepted, siteRequest } from '../sites/accepted';
import { SiteIdPipe } from '../sites/site-id.pipe';
import { siteRoutes } from '../sites/sites.routes';
import { BackupIdPipe } from './backup-id.pipe';
import { CreateBackupRequestDto } from './dto/backup.request.dto';
import { BackupListResponseDto, BackupResponseDto } from './dto/backup.response.dto';
import { presentBackup, presentBackupList } from './site-backups.presenter';
import { SiteBackupsService } from './site-backups.service';
import { BackupOperations } from './use-cases/backup-operations';

/** A site's backups: members read; ADMINs back up and delete (restore: SiteRestoreController). */
@ApiTags('site backups')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('v1.0/tenants/:tenantId/sites/:siteId')
export class SiteBackupsController {
  constructor(
    private readonly backups: SiteBackupsService,
    private readonly operations: BackupOperations,
  ) {}

  @Get('backups')
  @ApiOperation({ summary: "The site's backups, newest first, in pages (members)" })
  @ApiOkResponse({ type: BackupListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Query() query: PageQueryDto,
  ) {
    const page = pageRequest(query);
    const result = await this.backups.list(caller, tenantId, siteId, page);
    return presentBackupList(tenantId, siteId, result.access, result.page, page.pageSize);
  }

  @Post('backups')
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'Back up an ACTIVE or SUSPENDED site (ADMIN): BACKUP; the backup is listed IN_PROGRESS at once ' +
      '(_links.backup) and COMPLETED with its size, checksum and manifest when the worker has stored the archive',
  })
  @ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
  @ApiErrors(403, 409, 422)
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: CreateBackupRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = siteRequest(caller, tenantId, siteId, reply);
    const { operation, backupId } = await this.operations.backup(request, body.reason);
    return accepted(reply, operation, { backup: link(siteRoutes.backup(tenantId, siteId, backupId)) });
  }

  @Get('backups/:backupId')
  @ApiOperation({ summary: 'A backup of the site (members)' })
  @ApiOkResponse({ type: BackupResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('backupId', BackupIdPipe) backupId: string,
  ) {
    return presentBackup(await this.backups.get(caller, tenantId, siteId, backupId));
  }

  @Delete('backups/:backupId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a finished backup, its archive first (ADMIN); 409 BACKUP_IN_PROGRESS while it is being made, ' +
      '409 OPERATION_IN_PROGRESS while a restore runs on the site',
  })
  @ApiNoContentResponse()
  @ApiErrors(403, 409)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('backupId', BackupIdPipe) backupId: string,
  ): Promise<void> {
    await this.backups.delete(caller, tenantId, siteId, backupId);
  }
}
