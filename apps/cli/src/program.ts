import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import type { CliIo } from './runtime/cli-io';
import { EXIT, EXIT_CODES_HELP } from './runtime/exit-codes';
import { CliExit } from './runtime/run-action';
import { CLI_VERSION } from './version';

const ENVIRONMENT_HELP = `
Environment:
  BBWS_API         API base URL when --api is not given (before the one \`bbws login\` kept)
  BBWS_TOKEN       bearer token when --token is not given (before the one \`bbws login\` kept)
  BBWS_CONFIG_DIR  where \`bbws login\` keeps them (default ~/.config/bbws)`;

/** The whole `bbws` command tree, writing to `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('bbws')
    .description('The BBWS hosting control plane from the command line')
    .version(CLI_VERSION, '-V')
    .option('--api <url>', 'API base URL (else BBWS_API, else `bbws login`, else http://127.0.0.1:3000)')
    .option('--token <jwt>', 'bearer token (else BBWS_TOKEN, else `bbws login`)')
    .option('--json', 'print JSON (for scripts) instead of tables')
    .option('-q, --quiet', 'print only the id of what was shown or created (for X=$(bbws … -q))')
    .addHelpText('after', `${ENVIRONMENT_HELP}\n${EXIT_CODES_HELP}`)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  // exitOverride and configureOutput apply to every subcommand added after them only when copied down.
  const inherit = (command: Command) => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput(program.configureOutput());
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Runs `bbws` with `argv` (without node and the script) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  // A root --version would take `plugins install … --version 1.2.0` anywhere on the line: only alone is it ours.
  const args = argv.length === 1 && argv[0] === '--version' ? ['-V'] : argv;
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    io.stderr.write(`bbws: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.ERROR;
  }
}
