import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDataPlane } from '@bbws/integrations-local-compute';
import { TerraformValidationError, type TerraformApplyInput } from '@bbws/integrations-local-gitops';
import { LocalRuntimeMissingError } from '@bbws/integrations-local-runtime';
import { DataPlaneTerraformApplier } from './data-plane.applier';
import { MissingRuntimeFleet } from './missing-runtime.fleet';

const VARIABLES = {
  environment: 'dev',
  slug: 'acme',
  domain_suffix: 'dev.localhost',
  listener_rule_priority: 120,
  cpu: 512,
  memory: 1024,
  desired_count: 1,
  wordpress_image: 'bbws/wordpress:local',
  wordpress_version: '6.6',
};

const input = (variables: Record<string, unknown> = VARIABLES): TerraformApplyInput => ({
  environment: 'DEV',
  slug: 'acme',
  variables,
  operationId: 'op-1',
});

/** The applier without PHP/MariaDB/WordPress: validation, planning and the LOCAL_RUNTIME_MISSING failure. */
describe('DataPlaneTerraformApplier without the WordPress runtime', () => {
  const missing = new LocalRuntimeMissingError(
    ['php-cli', 'mariadb-server'],
    'apt-get install -y php-cli mariadb-server',
  );
  let dataDir: string;
  let plane: LocalDataPlane;
  let applier: DataPlaneTerraformApplier;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bbws-applier-'));
    plane = new LocalDataPlane({ dataDir, region: 'us-east-1', fleet: new MissingRuntimeFleet(missing) });
    await plane.start();
    applier = new DataPlaneTerraformApplier({ plane, runtime: missing });
  });

  afterAll(async () => {
    await plane.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('plans every resource of a new instance', async () => {
    const { log } = await applier.plan(input());
    expect(log).toEqual([
      '  # module.wordpress_instance.null_resource.database_init will be created',
      '  # module.wordpress_instance.aws_efs_access_point.wp_content will be created',
      '  # module.wordpress_instance.aws_lb_target_group.wordpress will be created',
      '  # module.wordpress_instance.aws_lb_listener_rule.wordpress will be created',
      '  # module.wordpress_instance.aws_ecs_service.wordpress will be created',
      'Plan: 5 to add, 0 to change, 0 to destroy.',
    ]);
  });

  it('fails an apply with LOCAL_RUNTIME_MISSING, the packages and the install command, and registers nothing', async () => {
    await expect(applier.apply(input())).rejects.toThrow(
      'LOCAL_RUNTIME_MISSING: The local WordPress runtime is missing php-cli, mariadb-server; install the OS packages with: apt-get install -y php-cli mariadb-server',
    );
    expect(Object.keys(plane.current.services)).toEqual([]);
    expect(plane.route('acme.dev.localhost')).toBeUndefined();
  });

  it('refuses variables the module would refuse, naming each one, before changing anything', async () => {
    const broken = {
      ...VARIABLES,
      environment: 'sit',
      slug: 'other',
      cpu: 300,
      desired_count: 11,
      listener_rule_priority: '120',
      wordpress_version: 'latest',
    };
    const failure = await applier.apply(input(broken)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TerraformValidationError);
    expect((failure as TerraformValidationError).lines).toEqual([
      'Error: Invalid value for variable "environment": must be dev in this environment\'s repository',
      'Error: Invalid value for variable "slug": must be the tenant folder\'s slug acme',
      'Error: Invalid value for variable "listener_rule_priority": a number is required',
      'Error: Invalid value for variable "cpu": cpu must be a Fargate CPU size: 256, 512, 1024, 2048 or 4096.',
      'Error: Invalid value for variable "desired_count": desired_count must be between 0 and 10.',
      'Error: Invalid value for variable "wordpress_version": wordpress_version must look like 6.4 or 6.4.2.',
    ]);
    await expect(applier.plan(input({ ...VARIABLES, domain_suffix: undefined }))).rejects.toThrow(
      'Error: Invalid value for variable "domain_suffix": a string is required',
    );
    expect(Object.keys(plane.current.services)).toEqual([]);
  });

  it('destroys a registered service and rule; with nothing left, a destroy changes nothing', async () => {
    await plane.registerInstance({
      environment: 'DEV',
      slug: 'acme',
      hosts: ['acme.dev.localhost'],
      priority: 120,
      desiredCount: 0,
    });
    expect(plane.route('acme.dev.localhost')).toMatchObject({ kind: 'forward', slug: 'acme' });
    const { log } = await applier.destroy(input());
    expect(log.at(-1)).toBe('Destroy complete! Resources: 3 destroyed.');
    expect(log[0]).toMatch(
      /^module\.wordpress_instance\.aws_ecs_service\.wordpress: Destruction complete \[id=arn:aws:ecs:/,
    );
    expect(plane.route('acme.dev.localhost')).toBeUndefined();
    expect((await applier.destroy(input())).log).toEqual(['No changes. No objects need to be destroyed.']);
  });
});
