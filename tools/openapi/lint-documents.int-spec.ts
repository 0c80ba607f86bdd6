import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
}

function lint(...files: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'tools/openapi/lint-documents.mjs'), ...files], {
    cwd: root,
    encoding: 'utf8',
  });
}

/** `npm test` (static phase) lints every app's document; a 2xx answer but 204 without a schema fails it. */
describe('lint-documents', () => {
  let dir: string;
  let tenants: Document;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bbws-lint-documents-'));
    const dumped = spawnSync(process.execPath, ['tools/openapi/dump-documents.mjs', '--out', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(dumped.stderr).toBe('');
    expect(dumped.status).toBe(0);
    tenants = JSON.parse(readFileSync(path.join(dir, 'tenants-api.json'), 'utf8')) as Document;
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function mutated(name: string, change: (document: Document) => void): string {
    const document = structuredClone(tenants);
    change(document);
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(document));
    return file;
  }

  it("passes the tenants API's document, whose DELETE routes answer 204 without a body", () => {
    const deletes = Object.values(tenants.paths).filter((item) => item.delete?.responses['204']);
    expect(deletes.length).toBeGreaterThan(0);
    const result = lint(path.join(dir, 'tenants-api.json'));
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('OpenAPI tenants-api: no problems\n');
    expect(result.status).toBe(0);
  }, 60_000);

  it.each([
    ['get', '/v1.0/tenants/{tenantId}', '200'],
    ['post', '/v1.0/tenants', '201'],
    ['post', '/v1.0/tenants/{tenantId}/lifecycle/suspend', '202'],
  ])(
    'fails when %s %s answers %s without a schema, naming the answer',
    (method, route, status) => {
      const answer = tenants.paths[route]?.[method]?.responses[status];
      expect(answer?.content).toBeDefined();
      const file = mutated(`undescribed-${status}`, (document) => {
        delete document.paths[route][method].responses[status].content;
      });
      const result = lint(file);
      expect(result.stdout).toBe(`OpenAPI undescribed-${status}: 1 problems\n`);
      expect(result.stderr).toBe(
        `  error ${method.toUpperCase()} ${route} ${status} answers a body its document does not describe\n`,
      );
      expect(result.status).toBe(1);
    },
    60_000,
  );

  it('fails when an answer has a media type but no schema', () => {
    const file = mutated('no-schema', (document) => {
      document.paths['/v1.0/tenants/{tenantId}'].get.responses['200'].content = { 'application/json': {} };
    });
    const result = lint(file);
    expect(result.stderr).toContain('GET /v1.0/tenants/{tenantId} 200 answers a body');
    expect(result.status).toBe(1);
  }, 60_000);
});
