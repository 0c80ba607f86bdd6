import type { Command } from 'commander';
import type { CliIo } from '../runtime/cli-io';

export function registerPluginsCommands(_program: Command, _io: CliIo): void {
  // filled in by the plugins commands
}
