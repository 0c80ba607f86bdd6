import { parse } from 'yaml';

export interface WorkflowInput {
  required: boolean;
  type: string;
  options?: string[];
  default?: string;
}

/** What the runner needs from a workflow file: its name, run-name, dispatch inputs and concurrency group. */
export interface WorkflowDefinition {
  path: string;
  name: string;
  runName?: string;
  inputs: Record<string, WorkflowInput>;
  concurrencyGroup?: string;
  /** The first job's name (or key), an expression like the run name. */
  jobName: string;
}

export function parseWorkflow(path: string, source: string): WorkflowDefinition {
  const document = (parse(source) ?? {}) as Record<string, unknown>;
  const on = (document['on'] ?? document['true']) as Record<string, unknown> | undefined;
  const dispatch = (on?.['workflow_dispatch'] ?? undefined) as
    { inputs?: Record<string, Record<string, unknown>> } | undefined;
  const inputs: Record<string, WorkflowInput> = {};
  for (const [name, spec] of Object.entries(dispatch?.inputs ?? {})) {
    inputs[name] = {
      required: spec['required'] === true,
      type: typeof spec['type'] === 'string' ? spec['type'] : 'string',
      ...(Array.isArray(spec['options']) ? { options: spec['options'].map(String) } : {}),
      ...(spec['default'] !== undefined ? { default: String(spec['default']) } : {}),
    };
  }
  const concurrency = document['concurrency'];
  const group =
    typeof concurrency === 'string' ? concurrency : (concurrency as { group?: unknown } | undefined)?.group;
  const jobs = Object.entries((document['jobs'] ?? {}) as Record<string, { name?: unknown }>);
  const firstJob = jobs[0];
  const jobName = firstJob
    ? typeof firstJob[1]?.name === 'string'
      ? firstJob[1].name
      : firstJob[0]
    : 'build';
  return {
    path,
    jobName,
    name: typeof document['name'] === 'string' ? document['name'] : path,
    ...(typeof document['run-name'] === 'string' ? { runName: document['run-name'] } : {}),
    inputs,
    ...(typeof group === 'string' ? { concurrencyGroup: group } : {}),
  };
}

/**
 * Substitutes `${{ inputs.x }}` and `${{ github.event.inputs.x }}` in a workflow expression string, as
 * GitHub does for run-name and concurrency groups; any other expression becomes empty.
 */
export function substituteInputs(template: string, inputs: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_match, expression: string) => {
    const input = /^(?:github\.event\.)?inputs\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression);
    return input ? (inputs[input[1]] ?? '') : '';
  });
}

/** Why these dispatch inputs are refused (GitHub answers 422 with such a message), or undefined. */
export function inputsProblem(
  workflow: WorkflowDefinition,
  inputs: Readonly<Record<string, string>>,
): string | undefined {
  for (const name of Object.keys(inputs)) {
    if (!(name in workflow.inputs)) return `Unexpected inputs provided: ["${name}"]`;
  }
  for (const [name, spec] of Object.entries(workflow.inputs)) {
    const value = inputs[name];
    if (spec.required && (value === undefined || value === '') && spec.default === undefined) {
      return `Required input '${name}' not provided`;
    }
    if (value !== undefined && spec.options && !spec.options.includes(value)) {
      return `Provided value '${value}' for input '${name}' not in the list of allowed values`;
    }
  }
  return undefined;
}

/** Dispatch inputs with the workflow's defaults filled in. */
export function withDefaults(
  workflow: WorkflowDefinition,
  inputs: Readonly<Record<string, string>>,
): Record<string, string> {
  const complete: Record<string, string> = {};
  for (const [name, spec] of Object.entries(workflow.inputs)) {
    const value = inputs[name] ?? spec.default;
    if (value !== undefined) complete[name] = value;
  }
  return complete;
}
