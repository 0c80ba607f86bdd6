import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { HostingEnvironments } from '@bbws/shared-config';
import { ValidationError } from '@bbws/shared-errors';
import type { InstanceAgent, InstanceAgentAccess, InstanceAgentTarget } from './instance-agent-access.port';

export interface SecretsManagerAgentAccessOptions {
  /** How long a secret read is reused (default 5 minutes): the agent key changes only with the instance. */
  cacheTtlMs?: number;
  now?: () => number;
}

/**
 * The cloud's agent access: the agent key is `agentSecret` in the instance's Secrets Manager secret
 * (`resources.secretName`, written by the GitOps module), requests go to the instance host over the
 * environment's site-URL scheme (the ALB routes by host). Reads are cached per secret.
 */
export class SecretsManagerInstanceAgentAccess implements InstanceAgentAccess {
  private readonly cache = new Map<string, { at: number; secret: Promise<string> }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: Pick<SecretsManagerClient, 'send'>,
    private readonly environments: HostingEnvironments,
    options: SecretsManagerAgentAccessOptions = {},
  ) {
    this.ttlMs = options.cacheTtlMs ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  async agentOf(instance: InstanceAgentTarget): Promise<InstanceAgent> {
    const secretName = instance.resources.secretName;
    if (!secretName)
      throw ValidationError.field('secretName', 'The instance names no Secrets Manager secret');
    const { siteUrl } = this.environments[instance.environment];
    const host = instance.resources.host;
    return {
      baseUrl: `${siteUrl.scheme}://${host}${siteUrl.port ? `:${siteUrl.port}` : ''}`,
      hostHeader: host,
      agentSecret: await this.secret(secretName),
    };
  }

  private secret(secretName: string): Promise<string> {
    const cached = this.cache.get(secretName);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.secret;
    const secret = this.read(secretName);
    this.cache.set(secretName, { at: this.now(), secret });
    secret.catch(() => this.cache.delete(secretName));
    return secret;
  }

  private async read(secretName: string): Promise<string> {
    const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: secretName }));
    try {
      const { agentSecret } = JSON.parse(SecretString ?? '') as { agentSecret?: unknown };
      if (typeof agentSecret === 'string' && agentSecret !== '') return agentSecret;
    } catch {
      // reported below
    }
    throw ValidationError.field('agentSecret', `The secret ${secretName} holds no agentSecret`);
  }
}
