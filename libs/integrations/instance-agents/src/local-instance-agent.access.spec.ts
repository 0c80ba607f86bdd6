import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { NotFoundError, ValidationError } from '@bbws/shared-errors';
import { buildInstance } from '@bbws/testing-instances';
import { LocalInstanceAgentAccess } from './local-instance-agent.access';

describe('LocalInstanceAgentAccess', () => {
  let dataDir: string;
  let access: LocalInstanceAgentAccess;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bbws-agent-access-'));
    access = new LocalInstanceAgentAccess(dataDir, loadHostingEnvironments({}, 'local'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  async function writeSecrets(file: string, content: string) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { mode: 0o600 });
  }

  it("reads the agent secret from the local runtime's secrets file and goes through the front door by host", async () => {
    const instance = buildInstance({ environment: 'SIT', slug: 'acme' });
    const file = access.secretsFile(instance);
    expect(file).toBe(join(dataDir, 'secrets', 'instances', 'sit', 'acme', 'instance-secrets.json'));
    await writeSecrets(file, JSON.stringify({ databasePassword: 'db-pass', agentSecret: 'a'.repeat(64) }));

    expect(await access.agentOf(instance)).toEqual({
      baseUrl: 'http://127.0.0.1:3000',
      hostHeader: 'acme.sit.localhost',
      agentSecret: 'a'.repeat(64),
    });
  });

  it('says which secrets file is missing, and refuses one without an agent secret', async () => {
    const instance = buildInstance({ slug: 'nobody' });
    await expect(access.agentOf(instance)).rejects.toMatchObject({
      constructor: NotFoundError,
      code: 'INSTANCE_SECRETS_NOT_FOUND',
      message: expect.stringContaining(access.secretsFile(instance)),
    });
    await writeSecrets(access.secretsFile(instance), JSON.stringify({ databasePassword: 'x' }));
    await expect(access.agentOf(instance)).rejects.toBeInstanceOf(ValidationError);
  });
});
