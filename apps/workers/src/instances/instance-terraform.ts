import type { Instance } from '@bbws/data-access-instances';
import { renderInstanceTerraform, type InstanceTerraformFiles } from '@bbws/integrations-gitops';
import type { HostingEnvironmentConfig } from '@bbws/shared-config';

/** The fields of the instance its Terraform is rendered from (an update passes the new ones). */
export type InstanceTerraformSource = Pick<
  Instance,
  'environment' | 'slug' | 'cpu' | 'memory' | 'desiredCount' | 'wordpressVersion' | 'resources'
>;

/** `tenants/{slug}/` of the instance, from the instance and its hosting environment's config. */
export function instanceTerraform(
  instance: InstanceTerraformSource,
  environment: HostingEnvironmentConfig,
  stateBucket: string,
): InstanceTerraformFiles {
  return renderInstanceTerraform({
    environment: instance.environment,
    slug: instance.slug,
    domainSuffix: environment.domainSuffix,
    listenerRulePriority: instance.resources.listenerRulePriority,
    cpu: instance.cpu,
    memory: instance.memory,
    desiredCount: instance.desiredCount,
    wordpressImage: environment.image,
    wordpressVersion: instance.wordpressVersion,
    awsRegion: environment.region,
    stateBucket,
  });
}
