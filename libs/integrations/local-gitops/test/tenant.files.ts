import { GitRepository } from '../src/git.repository';

const REQUIRED = {
  environment: '"dev"',
  slug: '"SLUG"',
  domain_suffix: '"dev.bbws.example"',
  listener_rule_priority: '110',
  cpu: '256',
  memory: '512',
  desired_count: '1',
  wordpress_image: '"bbws/wordpress:6.4"',
  wordpress_version: '"6.4.2"',
};

/** A hand-written tenant folder calling the template's module with every required variable. */
export function tenantFiles(slug: string): Record<string, string> {
  const names = Object.keys(REQUIRED);
  return {
    'main.tf': [
      ...names.map((name) => `variable "${name}" {}\n`),
      'module "wordpress_instance" {',
      '  source = "../../modules/wordpress-instance"',
      ...names.map((name) => `  ${name} = var.${name}`),
      '}\n',
    ].join('\n'),
    'terraform.tfvars': Object.entries(REQUIRED)
      .map(([name, value]) => `${name} = ${value.replace('SLUG', slug)}\n`)
      .join(''),
    'backend.tf': `terraform {\n  backend "s3" {\n    key = "tenants/${slug}/terraform.tfstate"\n  }\n}\n`,
  };
}

/** Commits files straight into the bare repository (as another writer would), returning the commit. */
export async function commitDirectly(
  dir: string,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const git = new GitRepository(dir);
  const head = await git.resolve('refs/heads/main', 'commit');
  const base = head ? await git.readCommit(head) : undefined;
  const changes = [];
  for (const [path, content] of Object.entries(files)) {
    changes.push({ path, mode: '100644', sha: await git.writeBlob(Buffer.from(content)) });
  }
  const tree = await git.buildTree(base?.tree, changes);
  const who = { name: 'Test Writer', email: 'writer@example.com', date: new Date().toISOString() };
  const commit = await git.commitTree(tree, head ? [head] : [], message, who, who);
  if (!(await git.updateRef('refs/heads/main', commit, head ?? '0'.repeat(40))))
    throw new Error('branch moved');
  return commit;
}

export function inFolder(slug: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => [`tenants/${slug}/${name}`, content]),
  );
}
