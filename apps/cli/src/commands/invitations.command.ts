import type { Command } from 'commander';
import { unwrap, type BbwsClient } from '@bbws/sdk';
import { collectList } from '../output/collect-list';
import type { CliIo } from '../runtime/cli-io';
import {
  idempotencyHeader,
  repeatable,
  withIdempotencyKey,
  withIfMatch,
  withListOptions,
  wholeNumber,
  type IdempotencyFlags,
  type ListFlags,
  type VersionFlags,
} from '../runtime/command-options';
import { action } from '../runtime/run-action';
import { versionHeader } from '../runtime/versioned-write';
import {
  INVITATION_COLUMNS,
  INVITATION_FIELDS,
  MEMBER_FIELDS,
  PREVIEW_FIELDS,
  roleOf,
  type Invitation,
  type InvitationStatus,
} from '../views/member.view';

const invitationPath = '/v1.0/tenants/{tenantId}/invitations/{invitationId}';
const readInvitation = (client: BbwsClient, tenantId: string, invitationId: string) => () =>
  client.tenants.GET(invitationPath, { params: { path: { tenantId, invitationId } } });

/** invitations list, create, get, revoke, resend: the tenant ADMIN's side. */
function registerAdminCommands(invitations: Command, io: CliIo): void {
  withListOptions(
    invitations
      .command('list <tenantId>')
      .description("the tenant's invitations (ADMIN)")
      .option('--status <status>', 'PENDING, ACCEPTED, DECLINED, EXPIRED or CANCELLED'),
  ).action(
    action(io, async ({ client, output }, tenantId: string, flags: ListFlags & { status?: string }) => {
      const rows = await collectList<Invitation>(flags, (startAt, pageSize) =>
        client.tenants.GET('/v1.0/tenants/{tenantId}/invitations', {
          params: {
            path: { tenantId },
            query: { startAt, pageSize, status: flags.status?.toUpperCase() as InvitationStatus | undefined },
          },
        }),
      );
      output.list(rows, INVITATION_COLUMNS);
    }),
  );

  withIdempotencyKey(
    invitations
      .command('create <tenantId>')
      .description('invite someone by email (ADMIN); the email carries the link with the token')
      .requiredOption('--email <email>', "the invitee's email")
      .requiredOption('--role <role>', 'ADMIN, OPERATOR or VIEWER')
      .option('--team <teamId>', 'a team to put them in (repeatable)', repeatable)
      .option('--expires-in-days <days>', '1-30 (default 7)', wholeNumber(1))
      .option('--message <text>', 'a note in the email'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        flags: IdempotencyFlags & {
          email: string;
          role: string;
          team?: string[];
          expiresInDays?: number;
          message?: string;
        },
      ) => {
        const invitation = await unwrap(
          client.tenants.POST('/v1.0/tenants/{tenantId}/invitations', {
            params: { path: { tenantId }, header: idempotencyHeader(flags) },
            body: {
              email: flags.email,
              role: roleOf(flags.role),
              teamIds: flags.team,
              expiresInDays: flags.expiresInDays,
              message: flags.message,
            },
          }),
        );
        output.item(invitation, INVITATION_FIELDS);
      },
    ),
  );

  invitations
    .command('get <tenantId> <invitationId>')
    .description('one invitation (never its token)')
    .action(
      action(io, async ({ client, output }, tenantId: string, invitationId: string) => {
        output.item(await unwrap(readInvitation(client, tenantId, invitationId)()), INVITATION_FIELDS);
      }),
    );

  withIfMatch(
    invitations
      .command('revoke <tenantId> <invitationId>')
      .description('cancel a PENDING invitation (ADMIN)'),
  ).action(
    action(io, async ({ client, output }, tenantId: string, invitationId: string, flags: VersionFlags) => {
      const header = await versionHeader(flags, readInvitation(client, tenantId, invitationId));
      const invitation = await unwrap(
        client.tenants.DELETE(invitationPath, { params: { path: { tenantId, invitationId }, header } }),
      );
      output.item(invitation, INVITATION_FIELDS);
    }),
  );

  withIfMatch(
    invitations
      .command('resend <tenantId> <invitationId>')
      .description('send a PENDING invitation again with a new token and expiry (ADMIN; at most 3 times)'),
  ).action(
    action(io, async ({ client, output }, tenantId: string, invitationId: string, flags: VersionFlags) => {
      const header = await versionHeader(flags, readInvitation(client, tenantId, invitationId));
      const invitation = await unwrap(
        client.tenants.POST(`${invitationPath}/resend`, {
          params: { path: { tenantId, invitationId }, header },
        }),
      );
      output.item(invitation, INVITATION_FIELDS);
    }),
  );
}

/** invitations show, accept, decline <token>: the invitee's side (the token from the email's link). */
function registerInviteeCommands(invitations: Command, io: CliIo): void {
  invitations
    .command('show <token>')
    .description('what an invitation offers (no login needed)')
    .action(
      action(io, async ({ client, output }, token: string) => {
        const preview = await unwrap(
          client.tenants.GET('/v1.0/invitations/{token}', { params: { path: { token } } }),
        );
        output.item(preview, PREVIEW_FIELDS);
      }),
    );

  invitations
    .command('accept <token>')
    .description('join the tenant (logged in as the invitee)')
    .action(
      action(io, async ({ client, output }, token: string) => {
        const member = await unwrap(
          client.tenants.POST('/v1.0/invitations/{token}/accept', { params: { path: { token } } }),
        );
        output.item(member, MEMBER_FIELDS);
      }),
    );

  invitations
    .command('decline <token>')
    .description('turn the invitation down (logged in as the invitee)')
    .action(
      action(io, async ({ client, output }, token: string) => {
        const answer = await unwrap(
          client.tenants.POST('/v1.0/invitations/{token}/decline', { params: { path: { token } } }),
        );
        if (output.json) output.raw(answer);
        else output.note('declined');
      }),
    );
}

export function registerInvitationsCommands(program: Command, io: CliIo): void {
  const invitations = program.command('invitations').description('invitations to join a tenant');
  registerAdminCommands(invitations, io);
  registerInviteeCommands(invitations, io);
}
