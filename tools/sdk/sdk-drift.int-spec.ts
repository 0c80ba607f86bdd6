import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const QUERY_DTO = 'apps/operations-api/src/operations/dto/list-operations.query.dto.ts';
const GENERATED = 'libs/sdk/src/generated/operations-api.ts';

/** A route's parameters as the generated SDK types them (`sdkDriftProbe?: string;` once the query has it). */
function listOperationsQuery(generated: string): string {
  const start = generated.indexOf('OperationsController_list: {');
  const query = generated.indexOf('query?: {', start);
  return generated.slice(query, generated.indexOf('};', query));
}

/**
 * The drift check (`npm run sdk:check`, static phase of `npm test`) on a copy of HEAD: a controller change
 * without `npm run sdk:generate` fails it, naming the stale file; regenerating makes it pass.
 */
describe('SDK drift check', () => {
  let dir: string;
  let tree: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const generateSdk = (...args: string[]) =>
    spawnSync(process.execPath, ['tools/sdk/generate-sdk.mjs', ...args], { cwd: tree, encoding: 'utf8' });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bbws-sdk-drift-'));
    tree = path.join(dir, 'tree');
    git('worktree', 'add', '--quiet', '--detach', tree, 'HEAD');
    symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
    // The lockfile node_modules was installed from: the generator would otherwise reinstall into the link.
    copyFileSync(path.join(root, 'package-lock.json'), path.join(tree, 'package-lock.json'));
  });

  afterAll(() => {
    git('worktree', 'remove', '--force', tree);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails when a controller gains a query parameter, passes once regenerated', () => {
    const before = readFileSync(path.join(tree, GENERATED), 'utf8');
    expect(listOperationsQuery(before)).toContain('resourceId?: string;');
    expect(listOperationsQuery(before)).not.toContain('sdkDriftProbe');

    const dto = readFileSync(path.join(tree, QUERY_DTO), 'utf8');
    const probe = `  @ApiPropertyOptional()\n  @IsOptional()\n  @IsString()\n  sdkDriftProbe?: string;\n}\n`;
    writeFileSync(path.join(tree, QUERY_DTO), dto.replace(/}\n$/, probe));

    const stale = generateSdk('--check');
    expect(stale.stderr).toContain(`The SDK is stale: ${GENERATED} differ`);
    expect(stale.stderr).toContain('npm run sdk:generate');
    expect(stale.status).toBe(1);
    expect(readFileSync(path.join(tree, GENERATED), 'utf8')).toBe(before);

    const generated = generateSdk();
    expect(generated.stdout).toBe('regenerated operations-api.ts\n');
    expect(generated.status).toBe(0);
    expect(listOperationsQuery(readFileSync(path.join(tree, GENERATED), 'utf8'))).toContain(
      'sdkDriftProbe?: string;',
    );
    const changed = execFileSync('git', ['status', '--porcelain'], { cwd: tree, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line && !/node_modules|package-lock\.json/.test(line));
    expect(changed.sort()).toEqual([` M ${QUERY_DTO}`, ` M ${GENERATED}`]);

    const current = generateSdk('--check');
    expect(current.stdout).toBe('SDK up to date with 6 OpenAPI documents\n');
    expect(current.status).toBe(0);
  }, 240_000);
});
