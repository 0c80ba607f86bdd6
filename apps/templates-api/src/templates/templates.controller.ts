import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, pageRequest } from '@bbws/platform-http';
import { ListTemplatesQueryDto } from './dto/template-query.dto';
import {
  TemplateCategoriesResponseDto,
  TemplateListResponseDto,
  TemplatePreviewResponseDto,
  TemplateResponseDto,
} from './dto/template.response.dto';
import { TemplateIdPipe } from './template-id.pipe';
import {
  presentCategories,
  presentPreview,
  presentTemplate,
  presentTemplateList,
} from './templates.presenter';
import { templateRoutes } from './templates.routes';
import { TemplatesService } from './templates.service';

/** The public catalogue: any authenticated caller reads PUBLISHED templates. */
@ApiTags('templates')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('v1.0/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({
    summary: 'PUBLISHED templates by name; search is a case-insensitive substring of name or description',
  })
  @ApiOkResponse({ type: TemplateListResponseDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListTemplatesQueryDto) {
    const page = pageRequest(query);
    const filter = { category: query.category, search: query.search };
    return presentTemplateList({
      page: await this.templates.listPublished(filter, page),
      admin: caller.isPlatformAdmin,
      path: templateRoutes.collection,
      query: filter,
      pageSize: page.pageSize,
    });
  }

  @Get('categories')
  @ApiOperation({ summary: 'Every category with its number of PUBLISHED templates' })
  @ApiOkResponse({ type: TemplateCategoriesResponseDto })
  async categories() {
    return presentCategories(await this.templates.categories());
  }

  @Get(':templateId')
  @ApiOperation({ summary: 'A PUBLISHED or ARCHIVED template (drafts: platform admins only, else 404)' })
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('templateId', TemplateIdPipe) templateId: string) {
    return presentTemplate(await this.templates.get(caller, templateId), caller.isPlatformAdmin);
  }

  @Get(':templateId/preview')
  @ApiOperation({
    summary: 'A 15-minute presigned link to the first screenshot; 404 TEMPLATE_PREVIEW_NOT_FOUND without one',
  })
  @ApiOkResponse({ type: TemplatePreviewResponseDto })
  @ApiErrors(404)
  async preview(@CurrentCaller() caller: Caller, @Param('templateId', TemplateIdPipe) templateId: string) {
    return presentPreview(templateId, await this.templates.preview(caller, templateId));
  }
}
