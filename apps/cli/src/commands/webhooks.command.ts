import { InvalidArgumentError, type Command } from 'commander';
import { unwrap, type BbwsClient } from '@bbws/sdk';
import { collectList } from '../output/collect-list';
import type { CliIo } from '../runtime/cli-io';
import {
  idempotencyHeader,
  repeatable,
  withIdempotencyKey,
  withIfMatch,
  withListOptions,
  type IdempotencyFlags,
  type ListFlags,
  type VersionFlags,
} from '../runtime/command-options';
import { EXIT } from '../runtime/exit-codes';
import { action, CliError } from '../runtime/run-action';
import { versionHeader } from '../runtime/versioned-write';
import {
  DELIVERY_COLUMNS,
  WEBHOOK_COLUMNS,
  WEBHOOK_FIELDS,
  type Webhook,
  type WebhookDelivery,
  type WebhookEvent,
} from '../views/webhook.view';

const webhookPath = '/v1.0/tenants/{tenantId}/webhooks/{webhookId}';
const readWebhook = (client: BbwsClient, tenantId: string, webhookId: string) => () =>
  client.operations.GET(webhookPath, { params: { path: { tenantId, webhookId } } });

const EVENTS_HELP =
  'operation.completed, operation.failed, site.created, site.deleted, instance.active, instance.failed, ' +
  'tenant.status_changed or invitation.accepted (repeatable)';

function trueOrFalse(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError('expected true or false');
}

function registerWebhookWrites(webhooks: Command, io: CliIo): void {
  withIdempotencyKey(
    webhooks
      .command('create <tenantId>')
      .description('subscribe a URL to events, signed with the secret (ADMIN)')
      .requiredOption('--url <url>', 'where events are POSTed')
      .requiredOption('--event <event>', EVENTS_HELP, repeatable)
      .requiredOption('--secret <secret>', 'the HMAC key of X-BBWS-Signature (never shown again)')
      .option('--description <text>', 'what it is for'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        flags: IdempotencyFlags & { url: string; event: string[]; secret: string; description?: string },
      ) => {
        const webhook = await unwrap(
          client.operations.POST('/v1.0/tenants/{tenantId}/webhooks', {
            params: { path: { tenantId }, header: idempotencyHeader(flags) },
            body: {
              url: flags.url,
              events: flags.event as WebhookEvent[],
              secret: flags.secret,
              description: flags.description,
            },
          }),
        );
        output.item(webhook, WEBHOOK_FIELDS);
      },
    ),
  );

  withIfMatch(
    webhooks
      .command('update <tenantId> <webhookId>')
      .description('change its URL, events or whether it is active (ADMIN)')
      .option('--url <url>', 'where events are POSTed')
      .option('--event <event>', `the new event list: ${EVENTS_HELP}`, repeatable)
      .option('--active <true|false>', 'deliver to it (true) or not (false)', trueOrFalse)
      .option('--secret <secret>', 'a new signing secret'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        webhookId: string,
        flags: VersionFlags & { url?: string; event?: string[]; active?: boolean; secret?: string },
      ) => {
        const body = {
          url: flags.url,
          events: flags.event as WebhookEvent[] | undefined,
          enabled: flags.active,
          secret: flags.secret,
        };
        if (Object.values(body).every((value) => value === undefined)) {
          throw new CliError('nothing to change: give --url, --event, --active or --secret', EXIT.USAGE);
        }
        const header = await versionHeader(flags, readWebhook(client, tenantId, webhookId));
        const webhook = await unwrap(
          client.operations.PATCH(webhookPath, { params: { path: { tenantId, webhookId }, header }, body }),
        );
        output.item(webhook, WEBHOOK_FIELDS);
      },
    ),
  );

  withIfMatch(webhooks.command('delete <tenantId> <webhookId>').description('unsubscribe (ADMIN)')).action(
    action(io, async ({ client, output }, tenantId: string, webhookId: string, flags: VersionFlags) => {
      const header = await versionHeader(flags, readWebhook(client, tenantId, webhookId));
      await unwrap(
        client.operations.DELETE(webhookPath, { params: { path: { tenantId, webhookId }, header } }),
      );
      if (output.quiet) output.id(webhookId);
      else if (output.json) output.raw({ tenantId, webhookId, deleted: true });
      else output.note(`deleted ${webhookId}`);
    }),
  );
}

export function registerWebhooksCommands(program: Command, io: CliIo): void {
  const webhooks = program.command('webhooks').description("a tenant's event subscriptions (ADMIN)");

  withListOptions(webhooks.command('list <tenantId>').description("the tenant's webhooks")).action(
    action(io, async ({ client, output }, tenantId: string, flags: ListFlags) => {
      const rows = await collectList<Webhook>(flags, (startAt, pageSize) =>
        client.operations.GET('/v1.0/tenants/{tenantId}/webhooks', {
          params: { path: { tenantId }, query: { startAt, pageSize } },
        }),
      );
      output.list(rows, WEBHOOK_COLUMNS);
    }),
  );

  webhooks
    .command('get <tenantId> <webhookId>')
    .description('one webhook (never its secret)')
    .action(
      action(io, async ({ client, output }, tenantId: string, webhookId: string) => {
        output.item(await unwrap(readWebhook(client, tenantId, webhookId)()), WEBHOOK_FIELDS);
      }),
    );

  registerWebhookWrites(webhooks, io);

  withListOptions(
    webhooks
      .command('deliveries <tenantId> <webhookId>')
      .description("the webhook's delivery log, newest first"),
  ).action(
    action(io, async ({ client, output }, tenantId: string, webhookId: string, flags: ListFlags) => {
      const rows = await collectList<WebhookDelivery>(flags, (startAt, pageSize) =>
        client.operations.GET(`${webhookPath}/deliveries`, {
          params: { path: { tenantId, webhookId }, query: { startAt, pageSize } },
        }),
      );
      output.list(rows, DELIVERY_COLUMNS);
    }),
  );
}
