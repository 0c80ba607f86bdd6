import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, pageRequest } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { AdminListPluginsQueryDto } from './dto/plugin-query.dto';
import {
  BlocklistPluginRequestDto,
  CreatePluginUploadRequestDto,
  PluginConflictsRequestDto,
  RegisterPluginRequestDto,
  UpdatePluginRequestDto,
} from './dto/plugin.request.dto';
import { PluginListResponseDto, PluginResponseDto, UploadSlotResponseDto } from './dto/plugin.response.dto';
import { PluginIdPipe } from './plugin-id.pipe';
import { presentPlugin } from './plugins.presenter';
import { pluginRoutes } from './plugins.routes';
import { PluginsService } from './plugins.service';
import { PluginAdministration } from './use-cases/plugin-administration';
import { RegisterPlugin } from './use-cases/register-plugin';

/** Platform admins curate the catalogue (403 FORBIDDEN for everyone else). */
@ApiTags('plugins (admin)')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('v1.0/admin/plugins')
export class AdminPluginsController {
  constructor(
    private readonly plugins: PluginsService,
    private readonly registration: RegisterPlugin,
    private readonly administration: PluginAdministration,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every plugin by name; filters category, pricing, search, blocklisted' })
  @ApiOkResponse({ type: PluginListResponseDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: AdminListPluginsQueryDto) {
    const page = pageRequest(query);
    const { category, pricing, search, blocklisted } = query;
    const result = await this.plugins.listAll(caller, { category, pricing, search, blocklisted }, page);
    return presentPage(result, (plugin) => presentPlugin(plugin, true), {
      path: pluginRoutes.adminCollection,
      query: { category, pricing, search, blocklisted },
      pageSize: page.pageSize,
    });
  }

  @Post('uploads')
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'A presigned PUT for a PLUGIN_PACKAGE (application/zip, at most 50 MiB) or a VULNERABILITY_FEED ' +
      '(application/json); the upload is then named by its uploadId',
  })
  @ApiCreatedResponse({ type: UploadSlotResponseDto })
  async upload(@CurrentCaller() caller: Caller, @Body() body: CreatePluginUploadRequestDto) {
    return this.plugins.createUpload(caller, body.kind, body.contentType);
  }

  @Post()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      'Register a plugin, optionally with versions from uploads (each inspected: 422 INVALID_PACKAGE); ' +
      '409 PLUGIN_EXISTS for a taken wpSlug',
  })
  @ApiCreatedResponse({ type: PluginResponseDto })
  @ApiErrors(409, 422)
  async register(
    @CurrentCaller() caller: Caller,
    @Body() body: RegisterPluginRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plugin = await this.registration.register(caller, body);
    void reply.header('Location', pluginRoutes.plugin(plugin.pluginId));
    return presentPlugin(plugin, true);
  }

  @Patch(':pluginId')
  @ApiOperation({ summary: 'Change name, description, category, pricing or approval' })
  @ApiIfMatch()
  @ApiOkResponse({ type: PluginResponseDto })
  @ApiErrors(404, 422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @Body() body: UpdatePluginRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentPlugin(await this.administration.update(caller, pluginId, body, ifMatch), true);
  }

  @Post(':pluginId/blocklist')
  @HttpCode(200)
  @ApiOperation({ summary: 'Blocklist with a reason: hidden from the catalogue, installability BLOCKLISTED' })
  @ApiIfMatch()
  @ApiOkResponse({ type: PluginResponseDto })
  @ApiErrors(404)
  async blocklist(
    @CurrentCaller() caller: Caller,
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @Body() body: BlocklistPluginRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentPlugin(await this.administration.blocklist(caller, pluginId, body.reason, ifMatch), true);
  }

  @Delete(':pluginId/blocklist')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the blocklisting' })
  @ApiIfMatch()
  @ApiOkResponse({ type: PluginResponseDto })
  @ApiErrors(404)
  async unblocklist(
    @CurrentCaller() caller: Caller,
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @IfMatch() ifMatch?: number,
  ) {
    return presentPlugin(await this.administration.unblocklist(caller, pluginId, ifMatch), true);
  }

  @Put(':pluginId/conflicts')
  @ApiOperation({
    summary:
      'Set the plugins it conflicts with, kept symmetric on both sides in one transaction; 422 for itself ' +
      '(PLUGIN_CONFLICTS_ITSELF) or an unknown plugin (UNKNOWN_PLUGINS)',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: PluginResponseDto })
  @ApiErrors(404, 422)
  async conflicts(
    @CurrentCaller() caller: Caller,
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @Body() body: PluginConflictsRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    const plugin = await this.administration.setConflicts(caller, pluginId, body.conflictsWith, ifMatch);
    return presentPlugin(plugin, true);
  }
}
