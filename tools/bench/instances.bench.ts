import { targetRow, withLocalPlatform } from './local-platform.session';

const TARGETS = { provisionMs: 60_000, scaleMs: 10_000 };

/**
 * The local platform as `npm start` runs it (fixed ports: stop your own first): a DEV instance from its
 * 202 to ACTIVE (GitOps commit, workflow run, WordPress network install, workers answering), then a
 * scale 1 → 3 from its 202 to COMPLETED. Times are wall-clock through the public API.
 */
export function runInstancesBench(root: string): Promise<string> {
  return withLocalPlatform(root, 'instances', async ({ call, timed }) => {
    const tenant = await call('POST', '/tenants', {
      organizationName: 'Bench Hosting',
      contactEmail: 'b@bench.example',
    });
    const provision = await timed('POST', `/tenants/${tenant.tenantId}/instances`, { environment: 'DEV' });
    const [instance] = (await call('GET', `/tenants/${tenant.tenantId}/instances`)).items;
    const scale = await timed('PUT', `/tenants/${tenant.tenantId}/instances/${instance.instanceId}/size`, {
      desiredCount: 3,
    });
    return [
      targetRow('DEV instance 202 -> ACTIVE', provision.ms, TARGETS.provisionMs),
      targetRow('scale 1 -> 3, 202 -> COMPLETED', scale.ms, TARGETS.scaleMs),
    ].join('\n');
  });
}
