import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, pageRequest } from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { InstallabilityQueryDto, ListPluginsQueryDto } from './dto/plugin-query.dto';
import { InstallCheckResponseDto, PluginListResponseDto, PluginResponseDto } from './dto/plugin.response.dto';
import { PluginIdPipe } from './plugin-id.pipe';
import { presentInstallCheck, presentPlugin } from './plugins.presenter';
import { pluginRoutes } from './plugins.routes';
import { PluginsService } from './plugins.service';

/** The public catalogue: everyone signed in reads approved plugins and asks what can be installed. */
@ApiTags('plugins')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('v1.0/plugins')
export class PluginsController {
  constructor(private readonly plugins: PluginsService) {}

  @Get()
  @ApiOperation({ summary: 'Approved, non-blocklisted plugins by name; filters category, pricing, search' })
  @ApiOkResponse({ type: PluginListResponseDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListPluginsQueryDto) {
    const page = pageRequest(query);
    const { category, pricing, search } = query;
    const result = await this.plugins.listPublic({ category, pricing, search }, page);
    return presentPage(result, (plugin) => presentPlugin(plugin, caller.isPlatformAdmin), {
      path: pluginRoutes.collection,
      query: { category, pricing, search },
      pageSize: page.pageSize,
    });
  }

  @Get(':pluginId')
  @ApiOperation({
    summary: 'A plugin with its versions (newest first) and their vulnerabilities; unapproved: admins only',
  })
  @ApiOkResponse({ type: PluginResponseDto })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('pluginId', PluginIdPipe) pluginId: string) {
    return presentPlugin(await this.plugins.get(caller, pluginId), caller.isPlatformAdmin);
  }

  @Get(':pluginId/installability')
  @ApiOperation({
    summary:
      'checkInstallable: ok with the package, or the first reason it may not be installed (PLUGIN_NOT_FOUND, ' +
      'NOT_APPROVED, BLOCKLISTED, VERSION_NOT_FOUND, VULNERABLE, INCOMPATIBLE_WORDPRESS, CONFLICT)',
  })
  @ApiOkResponse({ type: InstallCheckResponseDto })
  async installability(
    @Param('pluginId', PluginIdPipe) pluginId: string,
    @Query() query: InstallabilityQueryDto,
  ) {
    const check = await this.plugins.checkInstallable({
      pluginId,
      wordpressVersion: query.wordpressVersion,
      installed: query.installed ?? [],
      ...(query.version ? { version: query.version } : {}),
    });
    return presentInstallCheck(check, query);
  }
}
