import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors, ApiIdempotent, ApiIfMatch, IfMatch, Idempotent } from '@bbws/platform-http';
import { CloneTemplateRequestDto } from './dto/template.request.dto';
import { TemplateResponseDto } from './dto/template.response.dto';
import { TemplateIdPipe } from './template-id.pipe';
import { presentTemplate } from './templates.presenter';
import { CreateTemplate } from './use-cases/create-template';
import { TemplateLifecycle } from './use-cases/template-lifecycle';

/**
 * The state machine (DRAFT -> PUBLISHED | ARCHIVED, PUBLISHED -> ARCHIVED, ARCHIVED -> PUBLISHED; else
 * 422 INVALID_STATUS_TRANSITION) and clones, platform admins only.
 */
@ApiTags('admin templates')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/admin/templates/:templateId')
export class TemplateActionsController {
  constructor(
    private readonly lifecycle: TemplateLifecycle,
    private readonly creation: CreateTemplate,
  ) {}

  @Post('publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a DRAFT or ARCHIVED template; it needs at least one page (422 TEMPLATE_INCOMPLETE)',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiErrors(409, 422)
  async publish(
    @CurrentCaller() caller: Caller,
    @Param('templateId', TemplateIdPipe) templateId: string,
    @IfMatch() ifMatch?: number,
  ) {
    return presentTemplate(await this.lifecycle.publish({ caller, templateId, ifMatch }), true);
  }

  @Post('archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a DRAFT or PUBLISHED template (out of the public list, still readable)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiErrors(409, 422)
  async archive(
    @CurrentCaller() caller: Caller,
    @Param('templateId', TemplateIdPipe) templateId: string,
    @IfMatch() ifMatch?: number,
  ) {
    return presentTemplate(await this.lifecycle.archive({ caller, templateId, ifMatch }), true);
  }

  @Post('clone')
  @Idempotent()
  @ApiIdempotent()
  @ApiOperation({ summary: 'A new DRAFT with the same content and packages, clonedFromTemplateId set' })
  @ApiCreatedResponse({ type: TemplateResponseDto })
  async clone(
    @CurrentCaller() caller: Caller,
    @Param('templateId', TemplateIdPipe) templateId: string,
    @Body() body: CloneTemplateRequestDto,
  ) {
    return presentTemplate(await this.creation.clone(caller, templateId, body.name), true);
  }
}
