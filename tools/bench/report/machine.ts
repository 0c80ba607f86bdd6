import { spawnSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
  os: string;
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function machineLine(machine: MachineInfo): string {
  return `${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`;
}

/** HEAD's short hash, with `+changes` when the work tree differs from it. */
export function gitCommit(repoRoot: string): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--untracked-files=no') ? `${head}+changes` : head;
}
