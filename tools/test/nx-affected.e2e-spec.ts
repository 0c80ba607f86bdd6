import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const CHANGED_FILE = 'libs/data-access/operations/src/index.ts';
const CHANGED_LIB = '@bbws/data-access-operations';
const testFile = /(\.(spec|int-spec|e2e-spec|wp-spec)\.ts$)|(\/test\/)/;
const bbwsImport = /(?:from|import|require)\s*\(?\s*['"](@bbws\/[\w-]+)['"]/g;

interface GraphNode {
  type: 'app' | 'lib' | 'e2e';
  data: { tags?: string[] };
}
interface ProjectGraph {
  nodes: Record<string, GraphNode>;
  dependencies: Record<string, { target: string }[]>;
}

function nx(args: string[]): string {
  return execFileSync('npx', ['nx', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
}

function lines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

function productionFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !testFile.test(`/${file}`));
}

function importsOf(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of productionFiles(dir)) {
    for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(bbwsImport)) found.add(match[1]);
  }
  return found;
}

/** The libs an app's production code reaches, following @bbws/* imports through tsconfig paths. */
function libsReachedFrom(appDir: string, libDirs: Map<string, string>): Set<string> {
  const reached = new Set<string>();
  const pending = [...importsOf(appDir)];
  while (pending.length > 0) {
    const lib = pending.pop() as string;
    if (reached.has(lib)) continue;
    reached.add(lib);
    const dir = libDirs.get(lib);
    if (!dir) throw new Error(`${lib} has no tsconfig path`);
    pending.push(...importsOf(dir));
  }
  return reached;
}

function appsImportingFromSource(lib: string): string[] {
  const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  // "@bbws/x": ["libs/<group>/<name>/src/index.ts"] -> libs/<group>/<name>
  const libDirs = new Map(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [entry]]) => [
      alias,
      path.dirname(path.dirname(entry)),
    ]),
  );
  return readdirSync(path.join(root, 'apps'))
    .filter((app) => libsReachedFrom(path.join('apps', app, 'src'), libDirs).has(lib))
    .sort();
}

describe('Nx project graph and affected projects', () => {
  let workDir: string;
  let graph: ProjectGraph;

  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'bbws-nx-graph-'));
    const file = path.join(workDir, 'graph.json');
    nx(['graph', `--file=${file}`]);
    graph = (JSON.parse(readFileSync(file, 'utf8')) as { graph: ProjectGraph }).graph;
  }, 120_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  const apps = (): string[] =>
    Object.entries(graph.nodes)
      .filter(([, node]) => node.type === 'app')
      .map(([name]) => name);

  it('has every app of apps/ as an app project', () => {
    expect(apps().sort()).toEqual(readdirSync(path.join(root, 'apps')).sort());
  });

  it('lets apps depend only on libs, never on another app', () => {
    const edges = apps().flatMap((app) =>
      graph.dependencies[app].map(({ target }) => ({ app, target, type: graph.nodes[target].type })),
    );
    expect(edges.filter((edge) => edge.type !== 'lib')).toEqual([]);
  });

  it('lets apps reach tooling only through the build config, which depends on no project', () => {
    const toolsUsed = new Set(
      apps().flatMap((app) =>
        graph.dependencies[app]
          .map(({ target }) => target)
          .filter((target) => graph.nodes[target].data.tags?.includes('type:tool')),
      ),
    );
    expect([...toolsUsed]).toEqual(['tools-build']);
    expect(graph.dependencies['tools-build']).toEqual([]);
  });

  it('names exactly the apps whose code imports data-access-operations as affected by a change to it', () => {
    const expected = appsImportingFromSource(CHANGED_LIB);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(apps().length);

    const affected = lines(
      nx(['show', 'projects', '--affected', '--type', 'app', `--files=${CHANGED_FILE}`]),
    );
    expect(affected).toEqual(expected);
  }, 60_000);

  it('plans the build of exactly those apps for `nx affected -t build`', () => {
    const expected = appsImportingFromSource(CHANGED_LIB);
    const plan = JSON.parse(nx(['affected', '-t', 'build', `--files=${CHANGED_FILE}`, '--graph=stdout'])) as {
      tasks: { tasks: Record<string, unknown> };
    };
    expect(Object.keys(plan.tasks.tasks).sort()).toEqual(expected.map((app) => `${app}:build`));
  }, 60_000);
});
