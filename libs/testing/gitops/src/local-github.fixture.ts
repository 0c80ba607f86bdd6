import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalGitHubServer, type LocalGitHubServerOptions } from '@bbws/integrations-local-gitops';
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

/** The adapter's configuration for the fixture's repositories. */
export function adapterConfig(baseUrl: string, token = TOKEN) {
  return Object.fromEntries(
    Object.entries(REPOSITORIES).map(([environment, repository]) => [
      environment,
      {
        baseUrl,
        token,
        ...repository,
        workflowFile: 'deploy-tenant.yml',
        author: { name: 'BBWS GitOps Bot', email: 'gitops-bot@bbws.local' },
      },
    ]),
  );
}
