import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ZERO_SHA, type GitIdentity, type TreeChange } from './git.repository';
import { commitJson, GitHubHttpError, refJson, treeJson } from './github.presenter';
import type { LocalGitHubHooks, RepositoryContext } from './repository.context';

type RepoLookup = (request: FastifyRequest) => RepositoryContext;
type Body = Record<string, unknown>;

const DOC = 'https://docs.github.com/rest/git';
const SHA = /^[0-9a-f]{40}$/;

/** The Git Data API subset: refs, blobs, trees, commits. */
export function registerGitDataRoutes(
  app: FastifyInstance,
  repoOf: RepoLookup,
  hooks: LocalGitHubHooks,
): void {
  app.get('/repos/:owner/:repo/git/ref/*', async (request) => {
    const context = repoOf(request);
    const ref = refParam(request);
    const sha = await context.git.resolve(ref, 'commit');
    if (!sha || !ref.startsWith('refs/heads/'))
      throw new GitHubHttpError(404, 'Not Found', `${DOC}/refs#get-a-reference`);
    return refJson(context.urls, ref, sha);
  });

  app.patch('/repos/:owner/:repo/git/refs/*', async (request) => {
    const context = repoOf(request);
    const ref = refParam(request);
    const body = (request.body ?? {}) as Body;
    const sha = body['sha'];
    if (typeof sha !== 'string' || !SHA.test(sha))
      throw new GitHubHttpError(
        422,
        'Invalid request.\n\n"sha" wasn\'t supplied.',
        `${DOC}/refs#update-a-reference`,
      );
    const current = await context.git.resolve(ref, 'commit');
    if (!current)
      throw new GitHubHttpError(422, 'Reference does not exist', `${DOC}/refs#update-a-reference`);
    if ((await context.git.objectType(sha)) !== 'commit')
      throw new GitHubHttpError(422, 'Object does not exist', `${DOC}/refs#update-a-reference`);
    await hooks.beforeRefUpdate?.({ environment: context.environment, ref, sha });
    const force = body['force'] === true;
    const head = (await context.git.resolve(ref, 'commit')) ?? ZERO_SHA;
    if (!force && !(await context.git.isAncestor(head, sha))) {
      throw new GitHubHttpError(422, 'Update is not a fast forward', `${DOC}/refs#update-a-reference`);
    }
    if (!(await context.git.updateRef(ref, sha, head))) {
      throw new GitHubHttpError(422, 'Update is not a fast forward', `${DOC}/refs#update-a-reference`);
    }
    return refJson(context.urls, ref, sha);
  });

  app.post('/repos/:owner/:repo/git/blobs', async (request, reply) => {
    const context = repoOf(request);
    const body = (request.body ?? {}) as Body;
    const encoding = body['encoding'] ?? 'utf-8';
    if (typeof body['content'] !== 'string' || (encoding !== 'utf-8' && encoding !== 'base64')) {
      throw new GitHubHttpError(
        422,
        'Invalid request.\n\n"content" wasn\'t supplied.',
        `${DOC}/blobs#create-a-blob`,
      );
    }
    const content = Buffer.from(body['content'], encoding === 'base64' ? 'base64' : 'utf8');
    const sha = await context.git.writeBlob(content);
    return reply.code(201).send({ sha, url: `${context.urls.api}/git/blobs/${sha}` });
  });

  app.get('/repos/:owner/:repo/git/trees/:sha', async (request) => {
    const context = repoOf(request);
    const { sha } = request.params as { sha: string };
    const recursive = (request.query as { recursive?: string }).recursive;
    const tree = await context.git.resolve(sha, 'tree');
    if (!tree) throw new GitHubHttpError(404, 'Not Found', `${DOC}/trees#get-a-tree`);
    return treeJson(
      context.urls,
      tree,
      await context.git.listTree(tree, recursive !== undefined && recursive !== '0' && recursive !== 'false'),
    );
  });

  app.post('/repos/:owner/:repo/git/trees', async (request, reply) => {
    const context = repoOf(request);
    const body = (request.body ?? {}) as Body;
    const changes = await treeChanges(context, body['tree']);
    const baseTree = body['base_tree'];
    if (
      baseTree !== undefined &&
      (typeof baseTree !== 'string' || (await context.git.objectType(baseTree)) !== 'tree')
    ) {
      throw new GitHubHttpError(422, 'Invalid tree info', `${DOC}/trees#create-a-tree`);
    }
    const sha = await context.git.buildTree(baseTree as string | undefined, changes);
    return reply.code(201).send(treeJson(context.urls, sha, await context.git.listTree(sha, false)));
  });

  app.post('/repos/:owner/:repo/git/commits', async (request, reply) => {
    const context = repoOf(request);
    const body = (request.body ?? {}) as Body;
    const parents = Array.isArray(body['parents']) ? (body['parents'] as unknown[]) : [];
    if (typeof body['message'] !== 'string' || typeof body['tree'] !== 'string') {
      throw new GitHubHttpError(
        422,
        'Invalid request.\n\n"message", "tree" weren\'t supplied.',
        `${DOC}/commits#create-a-commit`,
      );
    }
    if ((await context.git.objectType(body['tree'])) !== 'tree')
      throw new GitHubHttpError(422, 'Tree SHA does not exist', `${DOC}/commits#create-a-commit`);
    for (const parent of parents) {
      if (typeof parent !== 'string' || (await context.git.objectType(parent)) !== 'commit') {
        throw new GitHubHttpError(
          422,
          'Parent SHA does not exist or is not a commit object',
          `${DOC}/commits#create-a-commit`,
        );
      }
    }
    const author = identity(body['author']) ?? {
      name: 'local-github',
      email: 'local-github@bbws.local',
      date: now(),
    };
    const committer = identity(body['committer']) ?? author;
    const sha = await context.git.commitTree(
      body['tree'],
      parents as string[],
      body['message'],
      author,
      committer,
    );
    const commit = await context.git.readCommit(sha);
    if (!commit) throw new GitHubHttpError(500, `Commit ${sha} was written but cannot be read`);
    return reply.code(201).send(commitJson(context.urls, commit));
  });

  app.get('/repos/:owner/:repo/git/commits/:sha', async (request) => {
    const context = repoOf(request);
    const commit = await context.git.readCommit((request.params as { sha: string }).sha);
    if (!commit) throw new GitHubHttpError(404, 'Not Found', `${DOC}/commits#get-a-commit-object`);
    return commitJson(context.urls, commit);
  });
}

async function treeChanges(context: RepositoryContext, tree: unknown): Promise<TreeChange[]> {
  if (!Array.isArray(tree))
    throw new GitHubHttpError(
      422,
      'Invalid request.\n\n"tree" wasn\'t supplied.',
      `${DOC}/trees#create-a-tree`,
    );
  const changes: TreeChange[] = [];
  for (const entry of tree as Body[]) {
    const path = entry['path'];
    const mode = entry['mode'];
    if (typeof path !== 'string' || !path || path.startsWith('/') || typeof mode !== 'string') {
      throw new GitHubHttpError(422, 'Invalid tree info', `${DOC}/trees#create-a-tree`);
    }
    if ('sha' in entry && 'content' in entry)
      throw new GitHubHttpError(
        422,
        'Only one of "sha" or "content" may be given',
        `${DOC}/trees#create-a-tree`,
      );
    if (typeof entry['content'] === 'string') {
      changes.push({ path, mode, sha: await context.git.writeBlob(Buffer.from(entry['content'], 'utf8')) });
    } else if (entry['sha'] === null) {
      changes.push({ path, mode, sha: null });
    } else if (typeof entry['sha'] === 'string' && (await context.git.objectType(entry['sha'])) === 'blob') {
      changes.push({ path, mode, sha: entry['sha'] });
    } else {
      throw new GitHubHttpError(422, `GitRPC::BadObjectState`, `${DOC}/trees#create-a-tree`);
    }
  }
  return changes;
}

function identity(value: unknown): GitIdentity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, email, date } = value as Body;
  if (typeof name !== 'string' || typeof email !== 'string') return undefined;
  return { name, email, date: typeof date === 'string' ? date : now() };
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The ref of `.../git/ref/*` and `.../git/refs/*`: GitHub accepts `heads/main` and `heads%2Fmain`. */
function refParam(request: FastifyRequest): string {
  return `refs/${decodeURIComponent((request.params as { '*': string })['*'])}`;
}
