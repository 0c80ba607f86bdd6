import type { Command } from 'commander';
import type { CliIo } from '../runtime/cli-io';

export function registerCompletionCommands(_program: Command, _io: CliIo): void {
  // filled in by the completion commands
}
