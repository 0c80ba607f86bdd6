import type { Command } from 'commander';
import type { CliIo } from '../runtime/cli-io';
import { registerLoginCommands } from './login.command';
import { registerTenantsCommands } from './tenants.command';
import { registerMembersCommands } from './members.command';
import { registerInvitationsCommands } from './invitations.command';
import { registerInstancesCommands } from './instances.command';
import { registerSitesCommands } from './sites.command';
import { registerPluginsCommands } from './plugins.command';
import { registerTemplatesCommands } from './templates.command';
import { registerOperationsCommands } from './operations.command';
import { registerWebhooksCommands } from './webhooks.command';
import { registerCompletionCommands } from './completion.command';

/** Every top-level command, in the order `bbws --help` lists them. */
export const COMMANDS: ((program: Command, io: CliIo) => void)[] = [
  registerLoginCommands,
  registerTenantsCommands,
  registerMembersCommands,
  registerInvitationsCommands,
  registerInstancesCommands,
  registerSitesCommands,
  registerPluginsCommands,
  registerTemplatesCommands,
  registerOperationsCommands,
  registerWebhooksCommands,
  registerCompletionCommands,
];
