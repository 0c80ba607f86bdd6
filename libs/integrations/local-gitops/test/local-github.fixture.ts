import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalGitHubServer, type LocalGitHubServerOptions } from '../src/local-github.server';
import { RecordingApplier } from './recording.applier';

export const TEMPLATE_DIR = resolve(__dirname, '../../../../tools/gitops-template');
export const TOKEN = 'local-gitops-test-token';
export const REPOSITORIES = {
  DEV: { owner: 'bbws', repo: 'gitops-dev', branch: 'main' },
  SIT: { owner: 'bbws', repo: 'gitops-sit', branch: 'main' },
};

export interface LocalGitHub {
  server: LocalGitHubServer;
  applier: RecordingApplier;
  dataDir: string;
  /** A new server on the same data directory; `abandonRuns` stops the old one as a killed process would. */
  restart(stop?: { abandonRuns?: boolean }): Promise<LocalGitHubServer>;
  close(): Promise<void>;
}

/** A local GitHub server on a fresh data directory, random port, recording applier. */
export async function startLocalGitHub(
  overrides: Partial<LocalGitHubServerOptions> = {},
): Promise<LocalGitHub> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bbws-gitops-'));
  const applier = new RecordingApplier();
  const options: LocalGitHubServerOptions = {
    dataDir,
    token: TOKEN,
    repositories: REPOSITORIES,
    applier,
    templateDir: TEMPLATE_DIR,
    ...overrides,
  };
  const fixture: LocalGitHub = {
    server: new LocalGitHubServer(options),
    applier,
    dataDir,
    async restart(stop = {}) {
      await fixture.server.stop(stop);
      fixture.server = new LocalGitHubServer(options);
      await fixture.server.start();
      return fixture.server;
    },
    async close() {
      applier.release();
      await fixture.server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await fixture.server.start();
  return fixture;
}

/** Polls until `check` returns a value (or times out). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((done) => setTimeout(done, 50));
  }
}
