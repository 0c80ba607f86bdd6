import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

export const ZERO_SHA = '0'.repeat(40);
const SHA = /^[0-9a-f]{40}$/;

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601 time. */
  date: string;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}

export interface GitTreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
  path: string;
}

/** A change to a tree: `sha: null` removes the path (GitHub's create-a-tree semantics). */
export interface TreeChange {
  path: string;
  mode: string;
  sha: string | null;
}

/** A bare git repository driven through git plumbing (simple-git). */
export class GitRepository {
  private readonly git: SimpleGit;

  constructor(readonly dir: string) {
    this.git = simpleGit({ baseDir: dir });
  }

  /** Creates the bare repository with one commit holding every file of `templateDir` on `branch`. */
  static async createFromTemplate(
    dir: string,
    templateDir: string,
    branch: string,
    author: GitIdentity,
  ): Promise<GitRepository> {
    await simpleGit().raw(['init', '--bare', '--quiet', `--initial-branch=${branch}`, dir]);
    const repository = new GitRepository(dir);
    const changes: TreeChange[] = [];
    for (const file of await listFiles(templateDir)) {
      changes.push({
        path: relative(templateDir, file).split('\\').join('/'),
        mode: '100644',
        sha: await repository.writeBlob(await readFile(file)),
      });
    }
    const tree = await repository.buildTree(undefined, changes);
    const commit = await repository.commitTree(
      tree,
      [],
      'Environment repository from the BBWS GitOps template',
      author,
      author,
    );
    await repository.updateRef(`refs/heads/${branch}`, commit, ZERO_SHA);
    return repository;
  }

  async writeBlob(content: Buffer): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'bbws-blob-'));
    try {
      const file = join(dir, 'blob');
      await writeFile(file, content);
      return (await this.git.raw(['hash-object', '-w', '--no-filters', file])).trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** `base` (a tree, or empty) with `changes` applied, through a private index file. */
  async buildTree(base: string | undefined, changes: TreeChange[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'bbws-index-'));
    // update-index --force-remove wants a work tree: an empty one, so only the private index changes.
    const workTree = join(dir, 'work');
    await mkdir(workTree);
    const git = simpleGit({ baseDir: this.dir }).env(
      gitEnv({ GIT_INDEX_FILE: join(dir, 'index'), GIT_WORK_TREE: workTree }),
    );
    try {
      await git.raw(base ? ['read-tree', base] : ['read-tree', '--empty']);
      for (const change of changes) {
        if (change.sha === null) {
          await git.raw(['update-index', '--force-remove', '--', change.path]);
        } else {
          await git.raw([
            'update-index',
            '--add',
            '--cacheinfo',
            `${change.mode},${change.sha},${change.path}`,
          ]);
        }
      }
      return (await git.raw(['write-tree'])).trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async commitTree(
    tree: string,
    parents: string[],
    message: string,
    author: GitIdentity,
    committer: GitIdentity,
  ): Promise<string> {
    const git = simpleGit({ baseDir: this.dir }).env(
      gitEnv({
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: author.date,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_COMMITTER_DATE: committer.date,
      }),
    );
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-m', message];
    return (await git.raw(args)).trim();
  }

  /** Atomic compare-and-swap of a ref: false when it no longer holds `expectedOld`. */
  async updateRef(ref: string, sha: string, expectedOld: string): Promise<boolean> {
    try {
      await this.git.raw(['update-ref', ref, sha, expectedOld]);
      return true;
    } catch {
      return false;
    }
  }

  /** The object id `revision` names, of the given type; undefined when there is none. */
  async resolve(revision: string, type: 'commit' | 'tree' | 'blob'): Promise<string | undefined> {
    try {
      return (
        (await this.git.raw(['rev-parse', '--verify', '--quiet', `${revision}^{${type}}`])).trim() ||
        undefined
      );
    } catch {
      return undefined;
    }
  }

  async objectType(sha: string): Promise<string | undefined> {
    if (!SHA.test(sha)) return undefined;
    try {
      return (await this.git.raw(['cat-file', '-t', sha])).trim();
    } catch {
      return undefined;
    }
  }

  /** Whether `descendant` contains `ancestor` in its history (simple-git reports no exit code, so compare the merge base). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      return (await this.git.raw(['merge-base', ancestor, descendant])).trim() === ancestor;
    } catch {
      return false;
    }
  }

  async readCommit(sha: string): Promise<GitCommitObject | undefined> {
    if ((await this.objectType(sha)) !== 'commit') return undefined;
    const raw = await this.git.raw(['cat-file', 'commit', sha]);
    const split = raw.indexOf('\n\n');
    const headers = raw.slice(0, split).split('\n');
    const header = (name: string): string[] =>
      headers.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
    return {
      sha,
      tree: header('tree')[0],
      parents: header('parent'),
      author: parseIdentity(header('author')[0]),
      committer: parseIdentity(header('committer')[0]),
      message: raw.slice(split + 2),
    };
  }

  async listTree(treeish: string, recursive: boolean): Promise<GitTreeEntry[]> {
    const output = await this.git.raw(['ls-tree', '-l', ...(recursive ? ['-r', '-t'] : []), treeish]);
    return output
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t');
        const [mode, type, sha, size] = meta.split(/\s+/);
        return {
          mode,
          type: type as GitTreeEntry['type'],
          sha,
          path,
          ...(size !== '-' ? { size: Number(size) } : {}),
        };
      });
  }

  async readBlob(sha: string): Promise<string> {
    return this.git.raw(['cat-file', 'blob', sha]);
  }
}

/** simple-git replaces the environment and refuses editor/pager variables: pass only what git needs. */
function gitEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...extra };
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function parseIdentity(line: string): GitIdentity {
  const match = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: '', date: new Date(0).toISOString() };
  return {
    name: match[1],
    email: match[2],
    date: new Date(Number(match[3]) * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}
