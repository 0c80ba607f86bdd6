import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { ValidationError } from '@bbws/shared-errors';
import { buildInstance } from '@bbws/testing-instances';
import { SecretsManagerInstanceAgentAccess } from './secrets-manager-instance-agent.access';

interface SeenRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Answers Secrets Manager's JSON protocol (GetSecretValue only) from `secrets`, recording each request. */
async function startSecretsManager(secrets: Record<string, string>) {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text) as { SecretId: string };
      seen.push({ method: request.method ?? '', headers: request.headers, body });
      const secret = secrets[body.SecretId];
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (secret === undefined) {
        response.statusCode = 400;
        response.end(
          JSON.stringify({
            __type: 'ResourceNotFoundException',
            message: "Can't find the specified secret.",
          }),
        );
        return;
      }
      response.end(JSON.stringify({ Name: body.SecretId, SecretString: secret, VersionId: 'v1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, endpoint, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('SecretsManagerInstanceAgentAccess', () => {
  const local = loadHostingEnvironments({}, 'local');
  // A cloud stage: sites over HTTPS on the default port.
  const environments = { ...local, SIT: { ...local.SIT, siteUrl: { scheme: 'https' as const } } };
  const instance = buildInstance({ environment: 'SIT', slug: 'acme' });
  const secretName = instance.resources.secretName;
  let stand: Awaited<ReturnType<typeof startSecretsManager>>;
  let client: SecretsManagerClient;

  beforeEach(async () => {
    stand = await startSecretsManager({
      [secretName]: JSON.stringify({ username: 'acme_user', password: 'p', agentSecret: 'k'.repeat(64) }),
      'sit-empty-db-credentials': JSON.stringify({ username: 'x' }),
    });
    client = new SecretsManagerClient({
      region: 'eu-west-1',
      endpoint: stand.endpoint,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
  });
  afterEach(async () => {
    client.destroy();
    await stand.close();
  });

  it("reads agentSecret from the instance's secret with one signed GetSecretValue and reaches the agent by host", async () => {
    const access = new SecretsManagerInstanceAgentAccess(client, environments);
    const agent = await access.agentOf(instance);
    expect(agent).toEqual({
      baseUrl: `https://${instance.resources.host}`,
      hostHeader: instance.resources.host,
      agentSecret: 'k'.repeat(64),
    });
    expect(stand.seen).toHaveLength(1);
    const [request] = stand.seen;
    expect(request.method).toBe('POST');
    expect(request.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request/,
    );
    expect(request.body).toEqual({ SecretId: secretName });
  });

  it('reuses a read for the cache time, then reads again', async () => {
    let now = 1_000_000;
    const access = new SecretsManagerInstanceAgentAccess(client, environments, {
      cacheTtlMs: 60_000,
      now: () => now,
    });
    await Promise.all([access.agentOf(instance), access.agentOf(instance)]);
    now += 59_000;
    await access.agentOf(instance);
    expect(stand.seen).toHaveLength(1);
    now += 2_000;
    await access.agentOf(instance);
    expect(stand.seen).toHaveLength(2);
  });

  it('refuses a secret without agentSecret, and does not cache failures', async () => {
    const access = new SecretsManagerInstanceAgentAccess(client, environments);
    const empty = {
      ...instance,
      resources: { ...instance.resources, secretName: 'sit-empty-db-credentials' },
    };
    await expect(access.agentOf(empty)).rejects.toThrow(ValidationError);
    await expect(access.agentOf(empty)).rejects.toThrow(ValidationError);
    expect(stand.seen).toHaveLength(2);
    const missing = {
      ...instance,
      resources: { ...instance.resources, secretName: 'sit-gone-db-credentials' },
    };
    await expect(access.agentOf(missing)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
