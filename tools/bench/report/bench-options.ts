/** `npm run bench [-- --only=a,b] [--check] [--write-baseline] [--no-write] [--quick]`. */
export interface BenchOptions {
  /** Section names to run; null runs them all. */
  only: string[] | null;
  check: boolean;
  writeBaseline: boolean;
  /** Leaves bench/REPORT.md and bench/report.svg as they are. */
  write: boolean;
  /** Smoke run: sections shorten their rounds (BENCH_QUICK=1 in their environment). */
  quick: boolean;
}

const FLAGS = ['--check', '--write-baseline', '--no-write', '--quick'];

export class BenchUsageError extends Error {}

export function parseBenchArgs(args: string[], known: string[]): BenchOptions {
  let only: string[] | null = null;
  for (const arg of args) {
    if (arg.startsWith('--only=')) {
      only = arg
        .slice('--only='.length)
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      const unknown = only.filter((name) => !known.includes(name));
      if (unknown.length > 0 || only.length === 0) {
        const what =
          unknown.length > 0 ? `unknown section(s) ${unknown.join(', ')}` : 'name at least one section';
        throw new BenchUsageError(`--only: ${what}; known: ${known.join(', ')}`);
      }
    } else if (!FLAGS.includes(arg)) {
      throw new BenchUsageError(
        `unknown argument ${arg}; use --only=<${known.join('|')},...> ${FLAGS.join(' ')}`,
      );
    }
  }
  return {
    only,
    check: args.includes('--check'),
    writeBaseline: args.includes('--write-baseline'),
    write: !args.includes('--no-write'),
    quick: args.includes('--quick'),
  };
}
