import { simpleGit } from 'simple-git';

/** Reads a bare repository with git itself, independently of the server under test. */
export function gitIn(dir: string) {
  const git = simpleGit({ baseDir: dir });
  return {
    head: async (branch = 'main') => (await git.raw(['rev-parse', `refs/heads/${branch}`])).trim(),
    commitCount: async (branch = 'main') =>
      Number((await git.raw(['rev-list', '--count', `refs/heads/${branch}`])).trim()),
    files: async (revision: string, path: string) =>
      (await git.raw(['ls-tree', '-r', '--name-only', revision, '--', path])).split('\n').filter(Boolean),
    show: (revision: string, path: string) => git.raw(['show', `${revision}:${path}`]),
    format: async (revision: string, format: string) =>
      (await git.raw(['log', '-1', `--format=${format}`, revision])).trim(),
    parents: async (revision: string) =>
      (await git.raw(['log', '-1', '--format=%P', revision])).trim().split(' ').filter(Boolean),
    raw: (args: string[]) => git.raw(args),
  };
}
