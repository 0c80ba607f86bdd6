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
  type IdempotencyFlags,
  type ListFlags,
  type VersionFlags,
} from '../runtime/command-options';
import { action } from '../runtime/run-action';
import { versionHeader } from '../runtime/versioned-write';
import { MEMBER_COLUMNS, MEMBER_FIELDS, roleOf, type Member } from '../views/member.view';

const memberPath = '/v1.0/tenants/{tenantId}/members/{userId}';
const readMember = (client: BbwsClient, tenantId: string, userId: string) => () =>
  client.tenants.GET(memberPath, { params: { path: { tenantId, userId } } });

export function registerMembersCommands(program: Command, io: CliIo): void {
  const members = program.command('members').description("a tenant's members and their roles");

  withListOptions(
    members
      .command('list <tenantId>')
      .description("the tenant's members (ADMIN, OPERATOR)")
      .option('--role <role>', 'ADMIN, OPERATOR or VIEWER')
      .option('--team <teamId>', 'members of this team'),
  ).action(
    action(
      io,
      async ({ client, output }, tenantId: string, flags: ListFlags & { role?: string; team?: string }) => {
        const rows = await collectList<Member>(flags, (startAt, pageSize) =>
          client.tenants.GET('/v1.0/tenants/{tenantId}/members', {
            params: {
              path: { tenantId },
              query: {
                startAt,
                pageSize,
                role: flags.role ? roleOf(flags.role) : undefined,
                teamId: flags.team,
              },
            },
          }),
        );
        output.list(rows, MEMBER_COLUMNS);
      },
    ),
  );

  withIdempotencyKey(
    members
      .command('add <tenantId>')
      .description('make an existing user a member (ADMIN; invite people who have no account yet)')
      .requiredOption('--email <email>', "the user's email")
      .requiredOption('--role <role>', 'ADMIN, OPERATOR or VIEWER')
      .option('--team <teamId>', 'a team to put them in (repeatable)', repeatable),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        flags: IdempotencyFlags & { email: string; role: string; team?: string[] },
      ) => {
        const member = await unwrap(
          client.tenants.POST('/v1.0/tenants/{tenantId}/members', {
            params: { path: { tenantId }, header: idempotencyHeader(flags) },
            body: { email: flags.email, role: roleOf(flags.role), teamIds: flags.team },
          }),
        );
        output.item(member, MEMBER_FIELDS);
      },
    ),
  );

  members
    .command('get <tenantId> <userId>')
    .description('one member with their teams')
    .action(
      action(io, async ({ client, output }, tenantId: string, userId: string) => {
        output.item(await unwrap(readMember(client, tenantId, userId)()), MEMBER_FIELDS);
      }),
    );

  withIfMatch(
    members
      .command('update <tenantId> <userId>')
      .description("change a member's role (ADMIN; not the last ADMIN's)")
      .requiredOption('--role <role>', 'ADMIN, OPERATOR or VIEWER'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        userId: string,
        flags: VersionFlags & { role: string },
      ) => {
        const header = await versionHeader(flags, readMember(client, tenantId, userId));
        const member = await unwrap(
          client.tenants.PATCH(memberPath, {
            params: { path: { tenantId, userId }, header },
            body: { role: roleOf(flags.role) },
          }),
        );
        output.item(member, MEMBER_FIELDS);
      },
    ),
  );

  withIfMatch(
    members.command('remove <tenantId> <userId>').description('remove a member (ADMIN; not the last ADMIN)'),
  ).action(
    action(io, async ({ client, output }, tenantId: string, userId: string, flags: VersionFlags) => {
      const header = await versionHeader(flags, readMember(client, tenantId, userId));
      await unwrap(client.tenants.DELETE(memberPath, { params: { path: { tenantId, userId }, header } }));
      if (output.quiet) output.id(userId);
      else if (output.json) output.raw({ tenantId, userId, removed: true });
      else output.note(`removed ${userId} from ${tenantId}`);
    }),
  );
}
