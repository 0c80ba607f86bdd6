import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@bbws/testing-engines';

/** What a consumer of the published package writes: typed calls, a list, a typed error. */
const MAIN = `
import { BbwsNotFoundError, createBbwsClient, paginate, unwrap, type TenantsSchemas } from '@bbws/sdk';

type Tenant = TenantsSchemas['schemas']['TenantResponseDto'];

async function main(): Promise<void> {
  const [baseUrl, token, name] = process.argv.slice(2);
  const bbws = createBbwsClient({ baseUrl, token: async () => token });
  const tenant: Tenant = await unwrap(
    bbws.tenants.POST('/v1.0/tenants', { body: { organizationName: name, contactEmail: 'ops@consumer.example' } }),
  );
  const listed: string[] = [];
  for await (const item of paginate(bbws.tenants, '/v1.0/tenants', { params: { query: { name, pageSize: 1 } } })) {
    listed.push(item.tenantId);
  }
  const missing = await unwrap(
    bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: 'tenant-00000000-0000-4000-8000-000000000000' } } }),
  ).then(
    () => 'found',
    (error: unknown) => (error instanceof BbwsNotFoundError ? \`\${error.status} \${error.code}\` : String(error)),
  );
  process.stdout.write(JSON.stringify({ tenantId: tenant.tenantId, status: tenant.status, listed, missing }));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
`;

/** Mistakes the package's types must catch. */
const MISTAKES = `
import { createBbwsClient, paginate, unwrap } from '@bbws/sdk';

export async function mistakes(): Promise<void> {
  const bbws = createBbwsClient();
  const tenant = await unwrap(bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: 't' } } }));
  const version: string = tenant.version;
  await bbws.tenants.POST('/v1.0/tenants', { body: { organizationName: 'Acme' } });
  await bbws.sites.GET('/v1.0/no-such-route', {});
  paginate(bbws.sites, '/v1.0/tenants/{tenantId}/sites/{siteId}', { params: { path: { tenantId: 't', siteId: 's' } } });
  void version;
}
`;

const tsconfig = (files: string[]) => ({
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node',
    lib: ['ES2023'],
    types: ['node'],
    typeRoots: [path.join(repoRoot(), 'node_modules/@types')],
    outDir: 'dist',
    skipLibCheck: false,
  },
  files,
});

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process (the platform under test answers from it meanwhile). */
export function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 150_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `npm pack` of a package directory into `destination`; the tarball's file name. */
export async function pack(directory: string, destination: string): Promise<string> {
  const packed = await run(
    'npm',
    ['pack', directory, '--pack-destination', destination, '--json'],
    destination,
  );
  if (packed.status !== 0) throw new Error(`npm pack ${directory} failed: ${packed.stderr}`);
  return (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename;
}

/**
 * A project depending on the SDK tarball. Its registry dependencies are packed from this repository's
 * node_modules (the versions the SDK is built and tested with), so `npm install --offline` needs no network.
 */
export async function writeConsumer(directory: string, sdkTarball: string, workDir: string): Promise<void> {
  await mkdir(path.join(directory, 'src'), { recursive: true });
  const dependencies: Record<string, string> = { '@bbws/sdk': `file:${sdkTarball}` };
  for (const name of ['openapi-fetch', 'openapi-typescript-helpers', 'cockatiel']) {
    const tarball = await pack(path.join(repoRoot(), 'node_modules', name), workDir);
    dependencies[name] = `file:${path.join(workDir, tarball)}`;
  }
  const manifest = { name: 'sdk-consumer', version: '1.0.0', private: true, dependencies };
  await writeFile(path.join(directory, 'package.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(directory, 'src/main.ts'), MAIN);
  await writeFile(path.join(directory, 'src/mistakes.ts'), MISTAKES);
  await writeFile(path.join(directory, 'tsconfig.json'), JSON.stringify(tsconfig(['src/main.ts'])));
  await writeFile(
    path.join(directory, 'tsconfig.mistakes.json'),
    JSON.stringify(tsconfig(['src/mistakes.ts'])),
  );
}

export async function sdkVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(repoRoot(), 'libs/sdk/package.json'), 'utf8'));
  return manifest.version as string;
}
