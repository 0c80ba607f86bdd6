import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalRuntimeMissingError } from './local-runtime-missing.error';
import {
  assertRuntimePackages,
  checkRuntimePackages,
  ensureRuntimePackages,
  RUNTIME_INSTALL_COMMAND,
  RUNTIME_PACKAGES,
} from './runtime-packages.check';
import { wordpressImagePaths } from './runtime.paths';

jest.setTimeout(60_000);
const run = promisify(execFile);

describe('checkRuntimePackages', () => {
  // On a machine without the OS packages the first run installs them.
  beforeAll(() => ensureRuntimePackages(), 15 * 60_000);

  it('finds PHP with its extensions, MariaDB and WordPress core with the themes on this machine', async () => {
    await expect(checkRuntimePackages()).resolves.toEqual({
      ok: true,
      missing: [],
      installCommand: RUNTIME_INSTALL_COMMAND,
    });
  });

  it('names WordPress and its themes when core is not where the package puts it', async () => {
    const report = await checkRuntimePackages('/nonexistent/wordpress');
    expect(report.ok).toBe(false);
    expect(report.missing).toEqual([
      'wordpress',
      'wordpress-theme-twentytwentythree',
      'wordpress-theme-twentytwentytwo',
    ]);
  });

  it('fails with LOCAL_RUNTIME_MISSING naming the packages and the install command', async () => {
    const failure = assertRuntimePackages('/nonexistent/wordpress');
    await expect(failure).rejects.toBeInstanceOf(LocalRuntimeMissingError);
    await expect(failure).rejects.toMatchObject({
      code: 'LOCAL_RUNTIME_MISSING',
      details: { missing: expect.arrayContaining(['wordpress']), installCommand: RUNTIME_INSTALL_COMMAND },
    });
  });
});

describe('tools/local/ensure-wordpress-packages.sh', () => {
  const script = wordpressImagePaths().ensurePackagesScript;

  it('installs the same packages the runtime checks for', async () => {
    const source = await readFile(script, 'utf8');
    const list = /PACKAGES=\(([^)]*)\)/.exec(source)?.[1].split(/\s+/).filter(Boolean);
    expect(list).toEqual([...RUNTIME_PACKAGES]);
  });

  it('returns at once when everything is installed', async () => {
    const started = Date.now();
    await run('bash', [script]);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('without root or sudo stops with one line naming the packages and the install command', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bbws-ensure-'));
    const copy = join(dir, 'ensure.sh');
    await copyFile(script, copy);
    await chmod(dir, 0o755);
    try {
      const asUnprivileged =
        process.getuid?.() === 0
          ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'bash', copy]
          : ['bash', copy];
      const failure = run(asUnprivileged[0], asUnprivileged.slice(1), {
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', BBWS_WORDPRESS_CORE: '/nonexistent/wordpress' },
      });
      await expect(failure).rejects.toMatchObject({ code: 1 });
      const { stderr } = (await failure.catch((error: { stderr: string }) => error)) as { stderr: string };
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('wordpress-theme-twentytwentythree');
      expect(lines[0]).toContain(RUNTIME_INSTALL_COMMAND);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
