import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SESSION = 'bbws';

function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

/** tmux comes with the project's OS packages (tools/local/ensure-wordpress-packages.sh installs it). */
export function ensureTmux(): void {
  if (tmuxAvailable()) return;
  const ensured = spawnSync('bash', [path.join(root, 'tools/local/ensure-wordpress-packages.sh')], {
    encoding: 'utf8',
  });
  if (!tmuxAvailable()) throw new Error(`tmux is missing and could not be installed: ${ensured.stderr}`);
}

/** What the pane showed while a command ran: every distinct screen, in order, and the last one. */
export interface Recording {
  frames: string[];
  last: string;
}

/**
 * A real terminal: a detached tmux session of a fixed size on a private server socket, running an
 * interactive bash. Lines are typed into it as a user would; the screen is read with capture-pane.
 */
export class TmuxTerminal {
  private readonly socket = `bbws-test-${process.pid}-${randomBytes(4).toString('hex')}`;

  private constructor(private readonly cwd: string) {}

  /** Starts the server and its session, resolving at the shell's first prompt; `env` is the shell's whole environment. */
  static async open(options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    width: number;
    height: number;
  }): Promise<TmuxTerminal> {
    ensureTmux();
    const terminal = new TmuxTerminal(options.cwd);
    terminal.tmux(
      [
        'new-session',
        '-d',
        '-s',
        SESSION,
        '-x',
        String(options.width),
        '-y',
        String(options.height),
        '-c',
        options.cwd,
        'env',
        'PS1=$ ',
        'bash',
        '--noprofile',
        '--norc',
      ],
      { ...options.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    );
    await terminal.record(/^\$$/m, 10_000);
    return terminal;
  }

  /** Types `line` and Enter. */
  type(line: string): void {
    this.tmux(['send-keys', '-t', SESSION, '-l', line]);
    this.tmux(['send-keys', '-t', SESSION, 'Enter']);
  }

  /** The visible screen, trailing blank lines dropped. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-t', SESSION]).replace(/\s+$/, '');
  }

  /** Reads the screen every `intervalMs` until `done` matches it (or throws after `timeoutMs`). */
  async record(done: RegExp, timeoutMs: number, intervalMs = 100): Promise<Recording> {
    const frames: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (screen !== frames[frames.length - 1]) frames.push(screen);
      if (done.test(screen)) return { frames, last: screen };
      if (Date.now() > deadline)
        throw new Error(`no ${String(done)} within ${timeoutMs} ms; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** Stops the session, its shell and the private tmux server. */
  close(): void {
    this.tmux(['kill-server'], undefined, true);
  }

  private tmux(args: string[], env?: NodeJS.ProcessEnv, mayFail = false): string {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
      cwd: this.cwd,
      env: env ?? process.env,
      encoding: 'utf8',
    });
    if (result.status !== 0 && !mayFail)
      throw new Error(`tmux ${args[0]} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
  }
}
