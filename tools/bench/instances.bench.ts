import type { BenchSection } from './bench-section';
import { platformRss, targetFigure, targetRow, withLocalPlatform } from './local-platform.session';

const TARGETS = { provisionMs: 60_000, scaleMs: 10_000 };

/**
 * The local platform as `npm start` runs it (fixed ports: stop your own first): a DEV instance from its
 * 202 to ACTIVE (GitOps commit, workflow run, WordPress network install, workers answering), then a
 * scale 1 → 3 from its 202 to COMPLETED. Times are wall-clock through the public API; the whole
 * platform's RSS is read idle after ready and after the work.
 */
export function runInstancesBench(context: { repoRoot: string }): Promise<BenchSection> {
  return withLocalPlatform(context.repoRoot, 'instances', async ({ call, timed, idleRss, rss }) => {
    const tenant = await call('POST', '/tenants', {
      organizationName: 'Bench Hosting',
      contactEmail: 'b@bench.example',
    });
    const provision = await timed('POST', `/tenants/${tenant.tenantId}/instances`, { environment: 'DEV' });
    const [instance] = (await call('GET', `/tenants/${tenant.tenantId}/instances`)).items;
    const scale = await timed('PUT', `/tenants/${tenant.tenantId}/instances/${instance.instanceId}/size`, {
      desiredCount: 3,
    });
    const platform = platformRss('instances', 'a provision and a scale', idleRss, await rss());
    return {
      name: 'instances',
      title: 'Instances on the local platform (npm start)',
      table: [
        targetRow('DEV instance 202 -> ACTIVE', provision.ms, TARGETS.provisionMs),
        targetRow('scale 1 -> 3, 202 -> COMPLETED', scale.ms, TARGETS.scaleMs),
        '',
        ...platform.lines,
      ].join('\n'),
      figures: [
        targetFigure('instances.provision', 'DEV instance, 202 -> ACTIVE', provision.ms, TARGETS.provisionMs),
        targetFigure('instances.scale', 'scale 1 -> 3, 202 -> COMPLETED', scale.ms, TARGETS.scaleMs),
        ...platform.figures,
      ],
      notes: [
        'Wall-clock seconds through the public API on the local platform (the real GitOps repository, workflow ' +
          'runner and WordPress); absolute times, so they carry goals but are not compared with the baseline.',
      ],
    };
  });
}
