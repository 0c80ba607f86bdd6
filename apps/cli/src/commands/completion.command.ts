import type { Command } from 'commander';
import { bashCompletion, zshCompletion } from '../completion/completion-scripts';
import type { CliIo } from '../runtime/cli-io';
import { EXIT } from '../runtime/exit-codes';
import { action, CliError } from '../runtime/run-action';

export function registerCompletionCommands(program: Command, io: CliIo): void {
  program
    .command('completion <shell>')
    .description('print the bash or zsh completion script: source <(bbws completion bash)')
    .action(
      action(io, async ({ output }, shell: string) => {
        if (shell === 'bash') return output.line(bashCompletion(program).trimEnd());
        if (shell === 'zsh') return output.line(zshCompletion(program).trimEnd());
        throw new CliError(`no completion for ${shell}: bash or zsh`, EXIT.USAGE);
      }),
    );
}
