export { buildCaller } from './caller.factories';
export { fakePort } from './fake-port';
export { buildOperation } from './operation.factories';
export {
  buildAuditEvent,
  buildHierarchyNode,
  buildInvitation,
  buildMember,
  buildTenant,
} from './tenant.factories';
export { seedMemberships, seedTenant, tenantTableDaos } from './tenant-table';
export { TableProbe, type StoredAttributes } from './table-probe';
export { TestClock } from './test-clock';
export { isolatedDynamoContext, testDynamoContext } from './test-dynamo';
export { buildCataloguePlugin, buildPluginVersion, buildVulnerability } from './catalogue.factories';
