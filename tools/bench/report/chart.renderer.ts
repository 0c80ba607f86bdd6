import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** A Vega-Lite spec rendered to an SVG document by render-svg.mjs (vega is ESM-only; the bench is CommonJS). */
export function renderSvg(spec: Record<string, unknown>, repoRoot: string): string {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'tools/bench/report/render-svg.mjs')], {
    cwd: repoRoot,
    input: JSON.stringify(spec),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || !result.stdout.startsWith('<svg')) {
    throw new Error(`rendering the chart failed: ${result.stderr || result.error?.message}`);
  }
  return result.stdout;
}
