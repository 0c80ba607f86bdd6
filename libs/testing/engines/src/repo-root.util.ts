import { existsSync } from 'node:fs';
import path from 'node:path';

/** The monorepo root (the folder holding nx.json), found from this file whether run from src/ or dist/. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}
