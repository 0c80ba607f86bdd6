import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
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
  ApiIfMatch,
  IfMatch,
  Idempotent,
  PageQueryDto,
  TenantIdPipe,
  pageRequest,
} from '@bbws/platform-http';
import { presentPage } from '@bbws/shared-hateoas';
import { CreateWebhookRequestDto } from './dto/create-webhook.request.dto';
import { UpdateWebhookRequestDto } from './dto/update-webhook.request.dto';
import {
  WebhookDeliveryListResponseDto,
  WebhookListResponseDto,
  WebhookResponseDto,
} from './dto/webhook.response.dto';
import { WebhookIdPipe } from './webhook-id.pipe';
import { presentDelivery, presentWebhook } from './webhooks.presenter';
import { webhookRoutes } from './webhooks.routes';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('v1.0/tenants/:tenantId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's webhook subscriptions (tenant ADMIN)" })
  @ApiOkResponse({ type: WebhookListResponseDto })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookListResponseDto> {
    const page = pageRequest(query);
    const result = await this.webhooks.list(caller, tenantId, page);
    return presentPage(result, presentWebhook, {
      path: webhookRoutes.collection(tenantId),
      query: {},
      pageSize: page.pageSize,
    });
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Subscribe a URL to events (tenant ADMIN)' })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: WebhookResponseDto })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body() body: CreateWebhookRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const webhook = await this.webhooks.create(caller, tenantId, body);
    void reply.header('Location', webhookRoutes.webhook(tenantId, webhook.webhookId));
    return presentWebhook(webhook);
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'A webhook subscription (tenant ADMIN)' })
  @ApiOkResponse({ type: WebhookResponseDto })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('webhookId', WebhookIdPipe) webhookId: string,
  ) {
    return presentWebhook(await this.webhooks.get(caller, tenantId, webhookId));
  }

  @Patch(':webhookId')
  @ApiOperation({
    summary: 'Change, rotate the secret of, disable or re-enable a subscription (tenant ADMIN)',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiErrors(422)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('webhookId', WebhookIdPipe) webhookId: string,
    @Body() body: UpdateWebhookRequestDto,
    @IfMatch() ifMatch?: number,
  ) {
    return presentWebhook(await this.webhooks.update(caller, tenantId, webhookId, body, ifMatch));
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription (tenant ADMIN)' })
  @ApiIfMatch()
  @ApiNoContentResponse()
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('webhookId', WebhookIdPipe) webhookId: string,
    @IfMatch() ifMatch?: number,
  ): Promise<void> {
    await this.webhooks.remove(caller, tenantId, webhookId, ifMatch);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'Delivery log of a subscription, newest first, kept 30 days (tenant ADMIN)' })
  @ApiOkResponse({ type: WebhookDeliveryListResponseDto })
  async deliveries(
    @CurrentCaller() caller: Caller,
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('webhookId', WebhookIdPipe) webhookId: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryListResponseDto> {
    const page = pageRequest(query);
    const result = await this.webhooks.listDeliveries(caller, tenantId, webhookId, page);
    return presentPage(result, presentDelivery, {
      path: webhookRoutes.deliveries(tenantId, webhookId),
      query: {},
      pageSize: page.pageSize,
    });
  }
}
