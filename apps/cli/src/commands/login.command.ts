import type { Command } from 'commander';
import type { CliIo } from '../runtime/cli-io';

export function registerLoginCommands(_program: Command, _io: CliIo): void {
  // filled in by the login commands
}
