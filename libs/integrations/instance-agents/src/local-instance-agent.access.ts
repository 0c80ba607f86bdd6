import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INSTANCE_SECRETS_FILE } from '@bbws/integrations-local-runtime';
import type { HostingEnvironments } from '@bbws/shared-config';
import { NotFoundError, ValidationError } from '@bbws/shared-errors';
import type { InstanceAgent, InstanceAgentAccess, InstanceAgentTarget } from './instance-agent-access.port';

/**
 * The local runtime's agent access: the secret from `<dataDir>/secrets/instances/{env}/{slug}/
 * instance-secrets.json` (written by the local runtime when it created the instance), requests through
 * the front door on this machine (the environment's site URL port), routed by the instance's host.
 */
export class LocalInstanceAgentAccess implements InstanceAgentAccess {
  constructor(
    private readonly dataDir: string,
    private readonly environments: HostingEnvironments,
  ) {}

  secretsFile(instance: Pick<InstanceAgentTarget, 'environment' | 'slug'>): string {
    const env = instance.environment.toLowerCase();
    return join(this.dataDir, 'secrets', 'instances', env, instance.slug, INSTANCE_SECRETS_FILE);
  }

  async agentOf(instance: InstanceAgentTarget): Promise<InstanceAgent> {
    const file = this.secretsFile(instance);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new NotFoundError('INSTANCE_SECRETS', file);
      throw error;
    }
    const secrets = parseSecrets(text, file);
    const { siteUrl } = this.environments[instance.environment];
    const host = instance.resources.host;
    return {
      // The front door listens on this machine; `*.localhost` names need not resolve (the Host header routes).
      baseUrl: `${siteUrl.scheme}://127.0.0.1${siteUrl.port ? `:${siteUrl.port}` : ''}`,
      hostHeader: host,
      agentSecret: secrets.agentSecret,
    };
  }
}

function parseSecrets(text: string, file: string): { agentSecret: string } {
  try {
    const parsed = JSON.parse(text) as { agentSecret?: unknown };
    if (typeof parsed.agentSecret === 'string' && parsed.agentSecret !== '')
      return { agentSecret: parsed.agentSecret };
  } catch {
    // reported below
  }
  throw ValidationError.field('agentSecret', `${file} holds no agent secret`);
}
