import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, Idempotent } from '@bbws/platform-http';
import { PluginVersionRequestDto } from './dto/plugin.request.dto';
import { PackageDownloadResponseDto, PluginResponseDto } from './dto/plugin.response.dto';
import { PluginIdPipe } from './plugin-id.pipe';
import { presentPlugin } from './plugins.presenter';
import { PluginVersions } from './use-cases/plugin-versions';

/** A plugin's versions: packages accepted from uploads, downloads for platform admins. */
@ApiTags('plugins (admin)')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/admin/plugins/:pluginId/versions')
export class AdminPluginVersionsController {
  constructor(private readonly versions: PluginVersions) {}

  @Post()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'Add a version from a PLUGIN_PACKAGE upload: at most 50 MiB, a valid zip whose top folder is the wpSlug ' +
      '(422 INVALID_PACKAGE with details.problem); sha256 computed; kept under packages/plugins/; ' +
      '409 PLUGIN_VERSION_EXISTS',
  })
  @ApiCreatedResponse({ type: PluginResponseDto })
  @ApiErrors(409, 422)
  async add(
    @CurrentCaller() caller: Caller,
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @Body() body: PluginVersionRequestDto,
  ) {
    return presentPlugin(await this.versions.add(caller, pluginId, body), true);
  }

  @Get(':version/download')
  @ApiOperation({ summary: "A presigned download of the version's package (15 minutes) with its sha256" })
  @ApiParam({ name: 'version', example: '1.2.0' })
  @ApiOkResponse({ type: PackageDownloadResponseDto })
  async download(
    @CurrentCaller() caller: Caller,
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @Param('version') version: string,
  ) {
    return this.versions.download(caller, pluginId, version);
  }
}
