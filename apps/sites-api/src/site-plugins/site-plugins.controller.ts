import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, Idempotent, TenantIdPipe } from '@bbws/platform-http';
import { OperationResponseDto } from '@bbws/platform-operations';
import { accepted } from '../sites/accepted';
import { SiteIdPipe } from '../sites/site-id.pipe';
import {
  InstallSitePluginRequestDto,
  SitePluginConfigRequestDto,
  SitePluginStatusRequestDto,
  UpdateSitePluginRequestDto,
} from './dto/site-plugin.request.dto';
import { SitePluginListResponseDto, SitePluginResponseDto } from './dto/site-plugin.response.dto';
import { SitePluginIdPipe } from './site-plugin-id.pipe';
import { presentSitePlugin, presentSitePluginList } from './site-plugins.presenter';
import { SitePluginsService } from './site-plugins.service';
import { LivePluginChanges } from './use-cases/live-plugin-changes';
import { PluginOperations } from './use-cases/plugin-operations';

const ACTION_REFUSALS =
  'ACTIVE sites only (422 INVALID_SITE_STATE); PROD sites: ADMIN (403); 409 OPERATION_IN_PROGRESS while an operation runs';

/** A site's plugins: members read; ADMIN and OPERATOR act (PROD: ADMIN); uninstalling is ADMIN's. */
@ApiTags('site plugins')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('v1.0/tenants/:tenantId/sites/:siteId/plugins')
export class SitePluginsController {
  constructor(
    private readonly plugins: SitePluginsService,
    private readonly operations: PluginOperations,
    private readonly live: LivePluginChanges,
  ) {}

  @Get()
  @ApiOperation({ summary: "The site's installed plugins with the catalogue's latest version (members)" })
  @ApiOkResponse({ type: SitePluginListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
  ) {
    const { context, plugins } = await this.plugins.list({ caller, tenantId, siteId });
    return presentSitePluginList(plugins, context);
  }

  @Post()
  @HttpCode(202)
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary:
      "Install a catalogue plugin (ADMIN, OPERATOR): PLUGIN_INSTALLATION (default version: the one the instance's " +
      'other sites run, else the latest). 409 PLUGIN_ALREADY_INSTALLED, PLUGIN_VERSION_CONFLICT, ' +
      'PLUGIN_CONFLICT; 422 PLUGIN_BLOCKLISTED, PLUGIN_VULNERABLE, INCOMPATIBLE_WORDPRESS, PLUGIN_NOT_AVAILABLE. ' +
      ACTION_REFUSALS,
  })
  @ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
  @ApiErrors(403, 409, 422)
  async install(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Body() body: InstallSitePluginRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = { caller, tenantId, siteId };
    return accepted(reply, await this.operations.install(request, body, String(reply.request.id)));
  }

  @Put(':pluginId/status')
  @ApiOperation({
    summary:
      'Activate or deactivate the plugin on the site, synchronously (ADMIN, OPERATOR). 409 PLUGIN_CONFLICT when ' +
      `WordPress refuses it next to an active conflicting plugin. ${ACTION_REFUSALS}`,
  })
  @ApiOkResponse({ type: SitePluginResponseDto })
  @ApiErrors(403, 409, 422)
  setStatus(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('pluginId', SitePluginIdPipe) pluginId: string,
    @Body() body: SitePluginStatusRequestDto,
  ) {
    return this.toggle(caller, tenantId, siteId, pluginId, body);
  }

  @Post(':pluginId/toggle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Alias of PUT .../plugins/{pluginId}/status' })
  @ApiOkResponse({ type: SitePluginResponseDto })
  @ApiErrors(403, 409, 422)
  async toggle(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('pluginId', SitePluginIdPipe) pluginId: string,
    @Body() body: SitePluginStatusRequestDto,
  ) {
    const request = { caller, tenantId, siteId };
    const record = await this.live.setActive(request, pluginId, body.isActive);
    const { context, plugin } = await this.plugins.view(request, record);
    return presentSitePlugin(plugin, context);
  }

  @Put(':pluginId/update')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Update the plugin (ADMIN, OPERATOR): PLUGIN_UPDATE; the target checked like an installation and newer ' +
      '(422 PLUGIN_VERSION_NOT_NEWER); health checked after, rolled back (operation FAILED with ' +
      `PLUGIN_UPDATE_ROLLED_BACK) if the site breaks; configuration kept. ${ACTION_REFUSALS}`,
  })
  @ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
  @ApiErrors(403, 409, 422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('pluginId', SitePluginIdPipe) pluginId: string,
    @Body() body: UpdateSitePluginRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = { caller, tenantId, siteId };
    const operation = await this.operations.update(request, pluginId, body.version, String(reply.request.id));
    return accepted(reply, operation);
  }

  @Put(':pluginId')
  @HttpCode(202)
  @ApiOperation({ summary: 'Alias of PUT .../plugins/{pluginId}/update' })
  @ApiAcceptedResponse({ type: OperationResponseDto })
  @ApiErrors(403, 409, 422)
  updateAlias(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('pluginId', SitePluginIdPipe) pluginId: string,
    @Body() body: UpdateSitePluginRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.update(caller, tenantId, siteId, pluginId, body, reply);
  }

  @Put(':pluginId/config')
  @ApiOperation({
    summary:
      "Replace the plugin's configuration on the site, synchronously (ADMIN, OPERATOR): at most 16 KiB of JSON, " +
      `kept in the site option bbws_plugin_config_{folder}. ${ACTION_REFUSALS}`,
  })
  @ApiOkResponse({ type: SitePluginResponseDto })
  @ApiErrors(403, 409, 422)
  async configure(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('pluginId', SitePluginIdPipe) pluginId: string,
    @Body() body: SitePluginConfigRequestDto,
  ) {
    const request = { caller, tenantId, siteId };
    const record = await this.live.configure(request, pluginId, body.configuration);
    const { context, plugin } = await this.plugins.view(request, record);
    return presentSitePlugin(plugin, context);
  }

  @Delete(':pluginId')
  @HttpCode(202)
  @ApiOperation({
    summary: `Uninstall the plugin (ADMIN): PLUGIN_UNINSTALLATION, deactivated first. ${ACTION_REFUSALS}`,
  })
  @ApiAcceptedResponse({ type: OperationResponseDto, description: 'The operation; Location points at it' })
  @ApiErrors(403, 409, 422)
  async uninstall(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('siteId', SiteIdPipe) siteId: string,
    @Param('pluginId', SitePluginIdPipe) pluginId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = { caller, tenantId, siteId };
    return accepted(reply, await this.operations.uninstall(request, pluginId, String(reply.request.id)));
  }
}
