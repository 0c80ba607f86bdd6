export {
  INSTANCE_AGENT_ACCESS,
  type InstanceAgent,
  type InstanceAgentAccess,
  type InstanceAgentTarget,
} from './instance-agent-access.port';
export { connectionOf } from './instance-connection';
export { LocalInstanceAgentAccess } from './local-instance-agent.access';
