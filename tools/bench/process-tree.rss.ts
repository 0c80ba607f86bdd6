import { readdir, readFile } from 'node:fs/promises';

/** What a process tree holds in memory, by kind of process (Linux /proc). */
export interface TreeRss {
  totalMb: number;
  /** Largest first, e.g. `{ name: 'DynamoDB Local (java)', processes: 1, mb: 212.4 }`. */
  parts: { name: string; processes: number; mb: number }[];
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  rssKb: number;
  argv: string[];
}

/** The RSS of `rootPid` and every process under it, summed and grouped by what each one is. */
export async function treeRss(rootPid: number): Promise<TreeRss> {
  const processes = await listProcesses();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const tree: ProcessInfo[] = [];
  const root = processes.find((info) => info.pid === rootPid);
  const pending = root ? [root] : [];
  while (pending.length > 0) {
    const next = pending.pop() as ProcessInfo;
    tree.push(next);
    pending.push(...(children.get(next.pid) ?? []));
  }
  const parts = new Map<string, { name: string; processes: number; mb: number }>();
  for (const info of tree) {
    const name = processKind(info.argv);
    const part = parts.get(name) ?? { name, processes: 0, mb: 0 };
    part.processes += 1;
    part.mb += info.rssKb / 1024;
    parts.set(name, part);
  }
  const sorted = [...parts.values()].sort((a, b) => b.mb - a.mb);
  return { totalMb: sorted.reduce((sum, part) => sum + part.mb, 0), parts: sorted };
}

/** A readable name for a process of the local platform from its command line. */
export function processKind(argv: string[]): string {
  const [program = '', ...rest] = argv;
  const base = program.split('/').pop() ?? program;
  const script = rest.find((arg) => !arg.startsWith('-')) ?? '';
  if (base === 'node' || base.startsWith('node')) {
    const app = /dist\/apps\/([^/]+)\//.exec(script)?.[1];
    if (app) return app;
    if (script.endsWith('start.mjs')) return 'npm start (orchestrator, local SQS, local cloud)';
    if (rest.includes('-e')) return 'node (watchdog)';
    return `node ${script.split('/').slice(-2).join('/')}`.trim();
  }
  if (base === 'java') return 'DynamoDB Local (java)';
  if (base === 'php') return rest.includes('-S') ? 'php -S (WordPress)' : 'php';
  return base;
}

async function listProcesses(): Promise<ProcessInfo[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const infos = await Promise.all(pids.map((pid) => readProcess(pid)));
  return infos.filter((info): info is ProcessInfo => info !== null);
}

async function readProcess(pid: number): Promise<ProcessInfo | null> {
  try {
    const [stat, status, cmdline] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/status`, 'utf8'),
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
    ]);
    // The fields after the command name, which sits in parentheses and may itself hold spaces or ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return { pid, ppid, rssKb, argv: cmdline.split('\0').filter(Boolean) };
  } catch {
    return null; // ended while we looked
  }
}

/** The RSS as table lines: total, then each kind of process. */
export function rssLines(title: string, rss: TreeRss): string[] {
  return [
    `${title}: ${rss.totalMb.toFixed(0)} MB`,
    ...rss.parts.map(
      (part) =>
        `  ${part.name.padEnd(48)} ${part.mb.toFixed(1).padStart(7)} MB${part.processes > 1 ? ` (${part.processes} processes)` : ''}`,
    ),
  ];
}
