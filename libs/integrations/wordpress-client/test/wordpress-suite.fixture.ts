import {
  startWordPressNetwork,
  type WordPressNetwork,
  type WordPressNetworkOptions,
} from '@bbws/testing-wordpress';
import { startArtifactServer, type ArtifactServer } from '@bbws/testing-wordpress-fixtures';
import type { ResilienceOptions } from '../src/instance-resilience.policy';
import { WordPressClient, type WordPressClientOptions } from '../src/wordpress.client';
import type { WordPressConnection } from '../src/wordpress-connection';

/** Test-only: a real network, an artifact store and a bootstrapped connection, shared by one suite file. */
export interface WordPressSuite {
  network: WordPressNetwork;
  artifacts: ArtifactServer;
  connection: WordPressConnection;
  client: WordPressClient;
  stop(): Promise<void>;
}

export const FAST_RESILIENCE: ResilienceOptions = {
  retry: { maxRetries: 2, initialDelayMs: 20, maxDelayMs: 100 },
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 1_000 },
};

export async function startWordPressSuite(
  clientOptions: WordPressClientOptions = {},
  networkOptions: WordPressNetworkOptions = {},
): Promise<WordPressSuite> {
  const [network, artifacts] = await Promise.all([
    startWordPressNetwork(networkOptions),
    startArtifactServer(),
  ]);
  const client = new WordPressClient({ resilience: FAST_RESILIENCE, ...clientOptions });
  const connection: WordPressConnection = {
    baseUrl: network.baseUrl,
    hostHeader: network.networkDomain,
    tenantId: 'tnt_wp_suite',
    credentials: { agentSecret: network.agentSecret },
  };
  try {
    const bootstrap = await client.bootstrap(connection);
    if (!bootstrap.applicationPassword) throw new Error('bootstrap returned no application password');
    connection.credentials.applicationPassword = {
      username: bootstrap.username,
      password: bootstrap.applicationPassword,
    };
  } catch (error) {
    await Promise.all([network.stop(), artifacts.stop()]);
    throw error;
  }
  return {
    network,
    artifacts,
    connection,
    client,
    stop: async () => {
      await Promise.all([network.stop(), artifacts.stop()]);
    },
  };
}

/** Rows of a tab-separated query result. */
export function rows(result: string): string[][] {
  return result
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}
