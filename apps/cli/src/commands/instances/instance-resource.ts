import { unwrap, type BbwsClient, type Operation } from '@bbws/sdk';
import type { VersionFlags } from '../../runtime/command-options';
import { versionHeader } from '../../runtime/versioned-write';
import { INSTANCE_FIELDS, type Instance } from '../../views/instance.view';
import type { FinalState } from '../operation-outcome';

export function readInstance(client: BbwsClient, tenantId: string, instanceId: string) {
  return client.instances.GET('/v1.0/tenants/{tenantId}/instances/{instanceId}', {
    params: { path: { tenantId, instanceId } },
  });
}

/** The If-Match of a write to the instance: --if-match, else the version a fresh read finds. */
export function instanceVersion(
  client: BbwsClient,
  flags: VersionFlags,
  tenantId: string,
  instanceId: string,
) {
  return versionHeader(flags, () => readInstance(client, tenantId, instanceId));
}

/** The instance an operation made or changed (its resourceId), read once it completed. */
export function finalInstance(client: BbwsClient, tenantId: string): FinalState<Instance> {
  return {
    read: (operation: Operation) => unwrap(readInstance(client, tenantId, operation.resourceId)),
    fields: INSTANCE_FIELDS,
  };
}
