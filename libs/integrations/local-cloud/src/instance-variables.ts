import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import { TerraformValidationError, type TerraformApplyInput } from '@bbws/integrations-local-gitops';

/** What the wordpress-instance module's variables ask of the local data plane. */
export interface InstanceSpec {
  environment: HostingEnvironment;
  slug: string;
  /** `{slug}.{domain_suffix}`: the network's main host. */
  networkHost: string;
  /** The listener rule's host conditions: the network host and its subdomains. */
  hosts: string[];
  priority: number;
  desiredCount: number;
  cpu: number;
  memory: number;
  wordpressImage: string;
  wordpressVersion: string;
}

const SLUG = /^[a-z0-9]{1,24}$/;
const DNS_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const FARGATE_CPU = [256, 512, 1024, 2048, 4096];

/**
 * The committed tfvars checked as the module's variable validations would check them (the same
 * rules as tools/gitops-template/modules/wordpress-instance/variables.tf); every problem is one
 * `Error:` line, as `terraform plan` prints them.
 */
export function instanceSpec(input: TerraformApplyInput): InstanceSpec {
  const vars = input.variables;
  const problems: string[] = [];
  const text = (name: string, rule?: (value: string) => string | undefined): string => {
    const value = vars[name];
    if (typeof value !== 'string') {
      problems.push(invalid(name, 'a string is required'));
      return '';
    }
    const problem = rule?.(value);
    if (problem) problems.push(invalid(name, problem));
    return value;
  };
  const number = (name: string, rule: (value: number) => string | undefined): number => {
    const value = vars[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(invalid(name, 'a number is required'));
      return 0;
    }
    const problem = rule(value);
    if (problem) problems.push(invalid(name, problem));
    return value;
  };

  const environment = input.environment.toUpperCase() as HostingEnvironment;
  if (!(HOSTING_ENVIRONMENTS as readonly string[]).includes(environment))
    problems.push(`Error: the repository's environment ${input.environment} is not a hosting environment`);
  text('environment', (value) =>
    value !== environment.toLowerCase()
      ? `must be ${environment.toLowerCase()} in this environment's repository`
      : undefined,
  );
  const slug = text('slug', (value) =>
    !SLUG.test(value)
      ? 'slug must be 1-24 lower-case letters or digits.'
      : value !== input.slug
        ? `must be the tenant folder's slug ${input.slug}`
        : undefined,
  );
  const domainSuffix = text('domain_suffix', (value) =>
    DNS_NAME.test(value) ? undefined : 'domain_suffix must be a DNS name.',
  );
  const priority = number('listener_rule_priority', (value) =>
    Number.isInteger(value) && value >= 1 && value <= 50_000
      ? undefined
      : 'listener_rule_priority must be between 1 and 50000.',
  );
  const cpu = number('cpu', (value) =>
    FARGATE_CPU.includes(value) ? undefined : 'cpu must be a Fargate CPU size: 256, 512, 1024, 2048 or 4096.',
  );
  const memory = number('memory', (value) =>
    value >= 512 && value <= 30_720 ? undefined : 'memory must be between 512 and 30720 MiB.',
  );
  const desiredCount = number('desired_count', (value) =>
    Number.isInteger(value) && value >= 0 && value <= 10
      ? undefined
      : 'desired_count must be between 0 and 10.',
  );
  const wordpressImage = text('wordpress_image');
  const wordpressVersion = text('wordpress_version', (value) =>
    /^[0-9]+\.[0-9]+(\.[0-9]+)?$/.test(value) ? undefined : 'wordpress_version must look like 6.4 or 6.4.2.',
  );
  if (problems.length) throw new TerraformValidationError(problems);

  const networkHost = `${slug}.${domainSuffix}`;
  return {
    environment,
    slug,
    networkHost,
    hosts: [networkHost, `*.${networkHost}`],
    priority,
    desiredCount,
    cpu,
    memory,
    wordpressImage,
    wordpressVersion,
  };
}

function invalid(name: string, problem: string): string {
  return `Error: Invalid value for variable "${name}": ${problem}`;
}
