import { parse } from '@cdktf/hcl2json';
import { posix } from 'node:path';
import type { GitRepository } from './git.repository';

/** The tenant folder as `terraform validate` would see it, with the tfvars the run applies. */
export interface ValidatedTenant {
  variables: Record<string, unknown>;
  log: string[];
}

/** A check the workflow's validate step failed; `lines` go to the step's log. */
export class TerraformValidationError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'TerraformValidationError';
  }
}

type Blocks = Record<string, Array<Record<string, unknown>>>;
type HclDocument = { variable?: Blocks; module?: Blocks };

/**
 * Parses every `.tf` file of the commit as HCL2 and the tenant's terraform.tfvars, then checks that each
 * module the tenant calls gets every variable the module declares without a default, and that the
 * tfvars set every root variable without a default.
 */
export async function validateTenant(
  repository: GitRepository,
  commit: string,
  slug: string,
): Promise<ValidatedTenant> {
  const folder = `tenants/${slug}`;
  const files = (await repository.listTree(commit, true)).filter((entry) => entry.type === 'blob');
  if (!files.some((file) => file.path.startsWith(`${folder}/`))) {
    throw new TerraformValidationError([`Error: ${folder} does not exist in ${commit.slice(0, 7)}`]);
  }
  const documents = new Map<string, HclDocument>();
  const errors: string[] = [];
  for (const file of files.filter((entry) => entry.path.endsWith('.tf'))) {
    try {
      documents.set(file.path, (await parse(file.path, await repository.readBlob(file.sha))) as HclDocument);
    } catch (error) {
      errors.push(`Error: ${file.path}: ${(error as Error).message}`);
    }
  }
  const tfvarsFile = files.find((file) => file.path === `${folder}/terraform.tfvars`);
  let variables: Record<string, unknown> = {};
  if (!tfvarsFile) {
    errors.push(`Error: ${folder}/terraform.tfvars is missing`);
  } else {
    try {
      const parsed = await parse(tfvarsFile.path, await repository.readBlob(tfvarsFile.sha));
      variables = literal(parsed) as Record<string, unknown>;
    } catch (error) {
      errors.push(`Error: ${tfvarsFile.path}: ${(error as Error).message}`);
    }
  }
  if (errors.length) throw new TerraformValidationError(errors);

  const problems = [
    ...moduleProblems(documents, folder),
    ...rootVariableProblems(documents, folder, variables),
  ];
  if (problems.length) throw new TerraformValidationError(problems);
  return {
    variables,
    log: [`Parsed ${documents.size} .tf files as HCL2.`, 'Success! The configuration is valid.'],
  };
}

function moduleProblems(documents: Map<string, HclDocument>, folder: string): string[] {
  const problems: string[] = [];
  for (const [path, document] of inFolder(documents, folder)) {
    for (const [name, calls] of Object.entries(document.module ?? {})) {
      for (const call of calls) {
        const source = typeof call['source'] === 'string' ? call['source'] : '';
        if (!source.startsWith('./') && !source.startsWith('../')) continue;
        const moduleDir = posix.normalize(posix.join(folder, source));
        const declared = requiredVariables(inFolder(documents, moduleDir));
        if (declared.size === 0 && inFolder(documents, moduleDir).length === 0) {
          problems.push(`Error: ${path}: module "${name}": no .tf files in ${moduleDir}`);
          continue;
        }
        for (const variable of declared) {
          if (!(variable in call)) {
            problems.push(
              `Error: ${path}: module "${name}": missing required argument "${variable}" (declared without a default in ${moduleDir})`,
            );
          }
        }
      }
    }
  }
  return problems;
}

function rootVariableProblems(
  documents: Map<string, HclDocument>,
  folder: string,
  tfvars: Record<string, unknown>,
): string[] {
  return [...requiredVariables(inFolder(documents, folder))]
    .filter((variable) => !(variable in tfvars))
    .map((variable) => `Error: ${folder}/terraform.tfvars: no value for required variable "${variable}"`);
}

/** Documents of the files directly inside `dir` (Terraform reads one directory as one module). */
function inFolder(documents: Map<string, HclDocument>, dir: string): Array<[string, HclDocument]> {
  return [...documents].filter(([path]) => posix.dirname(path) === dir);
}

function requiredVariables(documents: Array<[string, HclDocument]>): Set<string> {
  const required = new Set<string>();
  for (const [, document] of documents) {
    for (const [name, blocks] of Object.entries(document.variable ?? {})) {
      if (blocks.every((block) => !('default' in block))) required.add(name);
    }
  }
  return required;
}

/** tfvars hold literals; hcl2json answers in Terraform's JSON syntax, where `${` and `%{` stay escaped. */
function literal(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
  if (Array.isArray(value)) return value.map(literal);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, literal(item)]));
  }
  return value;
}
