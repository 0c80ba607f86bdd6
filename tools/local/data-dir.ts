import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** Wipes the data directory (`npm start -- --reset`), refusing paths that cannot be a data directory. */
export async function resetDataDir(dataDir: string, root: string): Promise<void> {
  const resolved = path.resolve(dataDir);
  const forbidden = [path.parse(resolved).root, homedir(), root, path.dirname(root)].map((dir) =>
    path.resolve(dir),
  );
  if (forbidden.includes(resolved)) {
    throw new Error(`refusing to wipe ${resolved}: set BBWS_DATA_DIR to a folder of its own`);
  }
  await rm(resolved, { recursive: true, force: true });
}

/** The secret that signs pagination cursors: created once, so cursors stay valid across restarts. */
export function ensureCursorSecret(dataDir: string): Promise<string> {
  return ensureSecret(dataDir, 'cursor-secret');
}

/** The token the local GitHub-compatible API accepts (the workers get it as GITOPS_TOKEN). */
export function ensureGitOpsToken(dataDir: string): Promise<string> {
  return ensureSecret(dataDir, 'gitops-token');
}

async function ensureSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, 'secrets', name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
