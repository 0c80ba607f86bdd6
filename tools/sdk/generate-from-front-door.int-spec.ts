import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../test/platform/test-platform';

const root = path.resolve(__dirname, '../..');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** generate-sdk.mjs in a child process; asynchronous, so that this process's front door keeps answering. */
function generateSdk(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['tools/sdk/generate-sdk.mjs', ...args],
      { cwd: root },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A stand-in front door serving these documents the way the real one does (/docs, /docs/<app>-json). */
function docsServer(documents: Record<string, unknown>): Promise<Server> {
  const server = createServer((request, response) => {
    const app = /^\/docs\/([a-z-]+)-json$/.exec(request.url ?? '')?.[1];
    if (request.url === '/docs') {
      const links = Object.keys(documents).map((name) => `<a href="/docs/${name}-json">JSON</a>`);
      response.writeHead(200, { 'content-type': 'text/html' }).end(links.join(''));
    } else if (app && app in documents) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(documents[app]));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** `npm run sdk:generate -- --from <front door>`: the documents a running platform serves. */
describe('generate-sdk --from a front door', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 60_000);

  afterAll(() => platform.close());

  it('reads every API document the front door serves: the SDK is up to date with what the apps serve', async () => {
    const result = await generateSdk('--from', platform.url, '--check');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('SDK up to date with 6 OpenAPI documents\n');
    expect(result.status).toBe(0);
  }, 60_000);

  it('checks the served documents, not the compiled ones: a served change makes --check name its file', async () => {
    const apps = [
      'tenants-api',
      'instances-api',
      'sites-api',
      'templates-api',
      'plugins-api',
      'operations-api',
    ];
    type Document = { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    const documents: Record<string, Document> = {};
    for (const app of apps) {
      documents[app] = (await (await fetch(`${platform.url}/docs/${app}-json`)).json()) as Document;
    }
    documents['sites-api'].components.schemas.SiteResponseDto.properties.servedOnly = { type: 'string' };
    const server = await docsServer(documents);
    try {
      const { port } = server.address() as AddressInfo;
      const result = await generateSdk('--from', `http://127.0.0.1:${port}/`, '--check');
      expect(result.stderr).toContain('The SDK is stale: libs/sdk/src/generated/sites-api.ts differ');
      expect(result.status).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
