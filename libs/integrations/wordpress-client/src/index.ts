export { WordPressClient, type PluginConfiguration, type WordPressClientOptions } from './wordpress.client';
export type {
  ApplicationPassword,
  SiteRef,
  WordPressConnection,
  WordPressCredentials,
} from './wordpress-connection';
export type { WordPressClientLogger } from './wordpress-request.executor';
export {
  DEFAULT_RESILIENCE,
  type CircuitStateName,
  type ResilienceOptions,
} from './instance-resilience.policy';
export { canonicalAgentQuery, signAgentRequest, type AgentRequestToSign } from './agent-request.signer';
export type * from './wordpress-client.types';
