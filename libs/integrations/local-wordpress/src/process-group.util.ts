import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { guardProcessGroup } from './orphan.watchdog';

/** A child process started in its own process group, so stopping it also stops whatever it forked. */
export interface GroupProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
}

export function spawnGroup(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; logFile?: string },
): GroupProcess {
  const output = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', output, output],
  });
  if (typeof output === 'number') closeSync(output);
  if (child.pid === undefined) {
    throw new Error(`could not start ${command}`);
  }
  const pid = child.pid;
  const forget = guardProcessGroup(pid);
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      forget();
      resolve(signal ?? String(code));
    });
    child.once('error', (error) => {
      done = true;
      forget();
      resolve(error.message);
    });
  });
  return { pid, child, exited, hasExited: () => done };
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopGroup(processHandle: GroupProcess, graceMs = 10_000): Promise<void> {
  if (processHandle.hasExited()) {
    signalGroup(processHandle.pid, 'SIGKILL');
    return;
  }
  signalGroup(processHandle.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(processHandle.pid, 'SIGKILL'), graceMs);
  await processHandle.exited;
  clearTimeout(timer);
  // Anything the leader forked and left behind in its group.
  signalGroup(processHandle.pid, 'SIGKILL');
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** For a process this process did not start (e.g. left over by a previous run). */
export async function terminatePid(pid: number, graceMs = 30_000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      signalGroup(pid, 'SIGKILL');
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Exited meanwhile.
      }
    }
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
