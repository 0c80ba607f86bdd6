import type { Command } from 'commander';
import type { CliIo } from '../runtime/cli-io';
import { registerSiteContentCommands } from './sites/site-content.commands';
import { registerSiteLifecycleCommands } from './sites/site-lifecycle.commands';
import { registerSiteReadCommands } from './sites/site-read.commands';

export function registerSitesCommands(program: Command, io: CliIo): void {
  const sites = program.command('sites').description("a tenant's WordPress sites");
  registerSiteReadCommands(sites, io);
  registerSiteLifecycleCommands(sites, io);
  registerSiteContentCommands(sites, io);
}
