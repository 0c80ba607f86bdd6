import type { Command } from 'commander';
import type { CliIo } from '../runtime/cli-io';

export function registerSitesCommands(_program: Command, _io: CliIo): void {
  // filled in by the sites commands
}
