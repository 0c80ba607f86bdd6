import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PhpSnippet {
  docRoot: string;
  env: Record<string, string>;
  host: string;
  code: string;
  scratchDir: string;
}

/** Loads WordPress for `host` (global scope, as a request would) and runs the snippet inside a function. */
export async function runPhpSnippet(snippet: PhpSnippet): Promise<string> {
  const file = join(snippet.scratchDir, `snippet-${randomBytes(6).toString('hex')}.php`);
  const body = snippet.code.replace(/^\s*<\?php/, '');
  await writeFile(
    file,
    [
      '<?php',
      `$_SERVER['HTTP_HOST'] = $_SERVER['SERVER_NAME'] = ${phpString(snippet.host)};`,
      "$_SERVER['REQUEST_URI'] = '/';",
      "$_SERVER['REQUEST_METHOD'] = 'GET';",
      "$_SERVER['REMOTE_ADDR'] = '127.0.0.1';",
      `require ${phpString(join(snippet.docRoot, 'wp-load.php'))};`,
      'function bbws_test_snippet() {',
      body,
      '}',
      'bbws_test_snippet();',
      '',
    ].join('\n'),
  );
  try {
    return await run(file, snippet);
  } finally {
    await rm(file, { force: true });
  }
}

function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function run(file: string, snippet: PhpSnippet): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('php', ['-d', 'display_errors=stderr', file], {
      cwd: snippet.docRoot,
      env: snippet.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(
            `PHP snippet failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim() || stdout}`,
          ),
        );
    });
  });
}
