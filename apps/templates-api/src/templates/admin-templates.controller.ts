import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent, pageRequest } from '@bbws/platform-http';
import { ListAdminTemplatesQueryDto } from './dto/template-query.dto';
import {
  CreateTemplateRequestDto,
  CreateTemplateUploadRequestDto,
  UpdateTemplateRequestDto,
} from './dto/template.request.dto';
import {
  TemplateListResponseDto,
  TemplateResponseDto,
  UploadSlotResponseDto,
} from './dto/template.response.dto';
import { TemplateIdPipe } from './template-id.pipe';
import { presentTemplate, presentTemplateList, presentUploadSlot } from './templates.presenter';
import { templateRoutes } from './templates.routes';
import { TemplatesService } from './templates.service';
import { CreateTemplate } from './use-cases/create-template';
import { TemplateLifecycle } from './use-cases/template-lifecycle';
import { UpdateTemplate } from './use-cases/update-template';

/** Catalogue administration (platform admins; 403 FORBIDDEN for everyone else). */
@ApiTags('admin templates')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('v1.0/admin/templates')
export class AdminTemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly creation: CreateTemplate,
    private readonly updates: UpdateTemplate,
    private readonly lifecycle: TemplateLifecycle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Templates of every status (or one), by name; filters as the public list' })
  @ApiOkResponse({ type: TemplateListResponseDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListAdminTemplatesQueryDto) {
    const page = pageRequest(query);
    const filter = { status: query.status, category: query.category, search: query.search };
    return presentTemplateList({
      page: await this.templates.listAll(caller, filter, page),
      admin: true,
      path: templateRoutes.adminCollection,
      query: filter,
      pageSize: page.pageSize,
    });
  }

  @Post('uploads')
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({ summary: 'A presigned PUT for a theme package (zip) or a screenshot (png, jpeg, webp)' })
  @ApiCreatedResponse({ type: UploadSlotResponseDto })
  async upload(@CurrentCaller() caller: Caller, @Body() body: CreateTemplateUploadRequestDto) {
    return presentUploadSlot(await this.templates.createUpload(caller, body.kind, body.contentType));
  }

  @Post()
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({
    summary: 'Create a DRAFT template',
    description:
      'Options only from the allow-list (400 per field); plugins must be in the catalogue (422 UNKNOWN_PLUGINS); ' +
      'a theme package must hold theme.slug (422 INVALID_PACKAGE, problem THEME_MISMATCH or what the zip lacks); ' +
      'screenshots must be PNG, JPEG or WebP of at most 5 MiB (422 INVALID_SCREENSHOT). Nothing is stored on a refusal.',
  })
  @ApiCreatedResponse({ type: TemplateResponseDto })
  @ApiErrors(422)
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateTemplateRequestDto) {
    return presentTemplate(await this.creation.create(caller, body), true);
  }

  @Patch(':templateId')
  @ApiOperation({
    summary: 'Change a DRAFT or PUBLISHED template',
    description:
      'The fields given replace the current ones. ARCHIVED: 422 TEMPLATE_ARCHIVED. On a PUBLISHED template a ' +
      'change of theme, plugins, options, pages or minWordPressVersion needs a higher templateVersion ' +
      '(422 TEMPLATE_VERSION_NOT_INCREASED); name, description, category, screenshots and demoUrl do not.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiErrors(404, 409, 422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('templateId', TemplateIdPipe) templateId: string,
    @Body() body: UpdateTemplateRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentTemplate(await this.updates.update({ caller, templateId, ifMatch }, body), true);
  }

  @Put(':templateId')
  @ApiOperation({ summary: 'Alias of PATCH' })
  @ApiIfMatch()
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiErrors(404, 409, 422)
  async replace(
    @CurrentCaller() caller: Caller,
    @Param('templateId', TemplateIdPipe) templateId: string,
    @Body() body: UpdateTemplateRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.update(caller, templateId, body, ifMatch);
  }

  @Delete(':templateId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a template no site uses (409 TEMPLATE_IN_USE otherwise)' })
  @ApiIfMatch()
  @ApiNoContentResponse()
  @ApiErrors(404, 409)
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('templateId', TemplateIdPipe) templateId: string,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    await this.lifecycle.delete({ caller, templateId, ifMatch });
  }
}
