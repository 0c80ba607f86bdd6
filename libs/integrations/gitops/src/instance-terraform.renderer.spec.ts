import { parse } from '@cdktf/hcl2json';
import { ValidationError } from '@bbws/shared-errors';
import { hclString } from './hcl.util';
import { renderInstanceTerraform, type InstanceTerraformVariables } from './instance-terraform.renderer';

const vars = (overrides: Partial<InstanceTerraformVariables> = {}): InstanceTerraformVariables => ({
  environment: 'PROD',
  slug: 'acme',
  domainSuffix: 'bbws.example',
  listenerRulePriority: 42,
  cpu: 1024,
  memory: 2048,
  desiredCount: 2,
  wordpressImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/bbws/wordpress:6.4.2-1',
  wordpressVersion: '6.4.2',
  awsRegion: 'eu-west-1',
  stateBucket: 'bbws-prod-terraform-state',
  ...overrides,
});

describe('hclString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines\r\tend', '"two\\nlines\\r\\tend"'],
    ['${var.secret}', '"$${var.secret}"'],
    ['%{ if true }x%{ endif }', '"%%{ if true }x%%{ endif }"'],
    ['bell\u0007', '"bell\\u0007"'],
  ])('escapes %j', (value, expected) => {
    expect(hclString(value)).toBe(expected);
  });

  it('reads back through an HCL2 parser as the same literal', async () => {
    const hostile = 'a"b\\c\nd ${e} %{f} $${g} é 🚀';
    const parsed = (await parse('x.tfvars', `value = ${hclString(hostile)}\n`)) as { value: string };
    // hcl2json answers in Terraform's JSON syntax, where a literal `${` or `%{` is written `$${` / `%%{` again.
    expect(parsed.value).toBe(hostile.replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{'));
  });
});

describe('renderInstanceTerraform', () => {
  it('renders main.tf, terraform.tfvars and backend.tf that parse as HCL2', async () => {
    const files = renderInstanceTerraform(vars());
    expect(Object.keys(files).sort()).toEqual(['backend.tf', 'main.tf', 'terraform.tfvars']);

    const main = (await parse('main.tf', files['main.tf'])) as {
      module: { wordpress_instance: Array<Record<string, unknown>> };
      variable: Record<string, unknown>;
      provider: { aws: Array<{ region: string }> };
    };
    expect(main.module.wordpress_instance[0]).toMatchObject({
      source: '../../modules/wordpress-instance',
      slug: '${var.slug}',
      listener_rule_priority: '${var.listener_rule_priority}',
    });
    expect(main.provider.aws[0].region).toBe('eu-west-1');

    const tfvars = await parse('terraform.tfvars', files['terraform.tfvars']);
    expect(tfvars).toEqual({
      environment: 'prod',
      slug: 'acme',
      domain_suffix: 'bbws.example',
      listener_rule_priority: 42,
      cpu: 1024,
      memory: 2048,
      desired_count: 2,
      wordpress_image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/bbws/wordpress:6.4.2-1',
      wordpress_version: '6.4.2',
    });
    expect(Object.keys(main.variable).sort()).toEqual(Object.keys(tfvars).sort());

    const backend = (await parse('backend.tf', files['backend.tf'])) as {
      terraform: Array<{ backend: { s3: Array<Record<string, unknown>> } }>;
    };
    expect(backend.terraform[0].backend.s3[0]).toMatchObject({
      bucket: 'bbws-prod-terraform-state',
      key: 'tenants/acme/terraform.tfstate',
      region: 'eu-west-1',
      encrypt: true,
    });
  });

  it('keeps injected quotes, newlines and template sequences inside the string values', async () => {
    const hostile = 'x"\n}\nresource "aws_iam_user" "evil" {\n  name = "${file("/etc/passwd")}';
    const files = renderInstanceTerraform(vars({ domainSuffix: hostile, stateBucket: 'b"ucket' }));
    const tfvars = (await parse('terraform.tfvars', files['terraform.tfvars'])) as Record<string, unknown>;
    expect(tfvars['domain_suffix']).toBe(hostile.replace('${', '$$$${'));
    expect(Object.keys(tfvars)).not.toContain('resource');
    expect(files['terraform.tfvars']).not.toMatch(/^resource/m);
    const backend = (await parse('backend.tf', files['backend.tf'])) as {
      terraform: Array<{ backend: { s3: Array<Record<string, unknown>> } }>;
    };
    expect(backend.terraform[0].backend.s3[0]['bucket']).toBe('b"ucket');
  });

  it('is deterministic, so an unchanged instance renders the same bytes', () => {
    expect(renderInstanceTerraform(vars())).toEqual(renderInstanceTerraform(vars()));
  });

  it.each(['Acme', 'acme-co', '', 'a'.repeat(25), 'acme/../x'])('refuses the slug %j', (slug) => {
    expect(() => renderInstanceTerraform(vars({ slug }))).toThrow(ValidationError);
  });

  it('refuses a number that HCL cannot hold', () => {
    expect(() => renderInstanceTerraform(vars({ cpu: Number.NaN }))).toThrow(RangeError);
  });
});
