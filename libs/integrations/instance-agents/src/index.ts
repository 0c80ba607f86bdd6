export {
  INSTANCE_AGENT_ACCESS,
  type InstanceAgent,
  type InstanceAgentAccess,
  type InstanceAgentTarget,
} from './instance-agent-access.port';
export { connectionOf } from './instance-connection';
export { LocalInstanceAgentAccess } from './local-instance-agent.access';
export { HOME_PAGE_TIMEOUT_MS, SiteHealthCheck, type SiteHealthCheckOptions } from './site-health.check';
export { probeHomePage, showsFatalError } from './site-health.probe';
export type {
  AgentHealth,
  HomePageProbe,
  SiteHealthCheckResult,
  SiteHealthCheckStatus,
  SiteHealthReport,
  SiteHealthState,
} from './site-health.report';
export { newFailures, SLOW_PAGE_MS, summariseSiteHealth } from './site-health.summary';
export {
  SecretsManagerInstanceAgentAccess,
  type SecretsManagerAgentAccessOptions,
} from './secrets-manager-instance-agent.access';
export { createInstanceAgentAccess, type InstanceAgentAccessSettings } from './instance-agent-access.factory';
