export { instanceKeys } from './instance.keys';
export { InstanceReaderDao } from './instance-reader.dao';
export {
  INSTANCE_STATUSES,
  INSTANCE_TIER_NAMES,
  type Instance,
  type InstanceError,
  type InstanceGitOps,
  type InstanceResources,
  type InstanceStatus,
  type InstanceTierName,
} from './instance.entity';
export { InstanceExistsError, InstanceGuardTakenError, InstanceStatusChangedError } from './instance.errors';
export { InstanceDao } from './instance.dao';
export { applyChange, type InstanceChange, type InstanceChanges } from './instance.writes';
export { RuntimeLookupDao, type RuntimeTarget } from './runtime-lookup.dao';
export { ALLOCATED_RULE_PRIORITIES, RulePriorityDao } from './rule-priority.dao';
