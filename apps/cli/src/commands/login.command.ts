import type { Command } from 'commander';
import { unwrap, type TenantsSchemas } from '@bbws/sdk';
import { readConfig, writeConfig } from '../config/cli-config';
import type { CliContext } from '../runtime/cli-context';
import type { CliIo } from '../runtime/cli-io';
import { EXIT } from '../runtime/exit-codes';
import { action, CliError } from '../runtime/run-action';
import type { Column } from '../output/output';

type Me = TenantsSchemas['schemas']['MeResponseDto'];
type Membership = TenantsSchemas['schemas']['UserTenantResponseDto'];

const ME_FIELDS: Column<Me>[] = [
  { header: 'userId', value: (me) => me.userId },
  { header: 'email', value: (me) => me.email },
  { header: 'name', value: (me) => me.name },
  { header: 'platformAdmin', value: (me) => (me.isPlatformAdmin ? 'yes' : 'no') },
];

const MEMBERSHIP_COLUMNS: Column<Membership>[] = [
  { header: 'tenantId', value: (membership) => membership.tenantId },
  { header: 'organizationName', value: (membership) => membership.organizationName },
  { header: 'role', value: (membership) => membership.role },
];

/** Who the token belongs to (GET /v1.0/users/me), printed for people or as the API's JSON. */
async function showMe({ client, output, api }: CliContext): Promise<Me> {
  const me = await unwrap(client.tenants.GET('/v1.0/users/me'));
  output.item(me, ME_FIELDS);
  if (output.chatty) {
    output.note(`API ${api}`);
    if (me.memberships.length > 0) output.list(me.memberships, MEMBERSHIP_COLUMNS);
  }
  return me;
}

export function registerLoginCommands(program: Command, io: CliIo): void {
  program
    .command('login')
    .description('check a token (--token <jwt>, with --api <url>) and keep both for the next commands')
    .action(
      action(io, async (context) => {
        const { token } = program.opts<{ token?: string }>();
        if (!token) throw new CliError('login needs the token: bbws login --token <jwt>', EXIT.USAGE);
        await showMe(context);
        const file = await writeConfig(io.env, { api: context.api, token });
        context.output.note(`logged in; token kept in ${file}`);
      }),
    );

  program
    .command('logout')
    .description('forget the token `bbws login` kept (the API URL stays)')
    .action(
      action(io, async ({ output }) => {
        const { api } = await readConfig(io.env);
        const file = await writeConfig(io.env, api ? { api } : {});
        output.note(`logged out (${file} holds no token)`);
      }),
    );

  program
    .command('whoami')
    .description('who the token in use belongs to, and their tenants')
    .action(action(io, async (context) => void (await showMe(context))));
}
