import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const GITOPS_TEMPLATE_PATH = 'tools/gitops-template';

/**
 * The repository template of the monorepo that holds `start` (the first ancestor with
 * tools/gitops-template/modules), for callers that run from a checkout (the local platform, tests).
 */
export function findGitOpsTemplateDir(start: string = process.cwd()): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, GITOPS_TEMPLATE_PATH);
    if (existsSync(join(candidate, 'modules'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`No ${GITOPS_TEMPLATE_PATH} above ${start}`);
  }
}
