import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

export interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  environment?: string;
  steps?: Step[];
  env?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
}

export interface Workflow {
  name: string;
  on: Record<string, any>;
  jobs: Record<string, Job>;
}

/** A marketplace action pinned to a major (or exact) version: `owner/repo[/path]@v4`. */
const PINNED_ACTION = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@v\d+(\.\d+){0,2}$/;
const NPM_SCRIPT = /npm run (?:--silent )?([\w:-]+)/g;
const REPO_FILE = /(?:^|[\s"'=])((?:apps|libs|tools|docker|\.github)\/[\w./-]*\w)/g;

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
}

/** What in a workflow names something missing: unpinned actions, absent files, unknown npm scripts. */
export function workflowProblems(workflow: Workflow, root: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: object })
    .scripts;
  const problems: string[] = [];
  if (!workflow.on || !workflow.jobs) problems.push('no `on` or no `jobs`');
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.uses) problems.push(...reusableProblems(jobName, job, root));
    for (const step of job.steps ?? []) {
      if (step.uses && !PINNED_ACTION.test(step.uses) && !existsSync(path.join(root, step.uses))) {
        problems.push(`${jobName}: action ${step.uses} is neither pinned nor a local action`);
      }
      const run = step.run ?? '';
      for (const [, script] of run.matchAll(NPM_SCRIPT)) {
        if (!(script in scripts)) problems.push(`${jobName}: npm script ${script} does not exist`);
      }
      for (const [, file] of run.matchAll(REPO_FILE)) {
        if (!existsSync(path.join(root, file))) problems.push(`${jobName}: ${file} does not exist`);
      }
    }
  }
  return problems;
}

function reusableProblems(jobName: string, job: Job, root: string): string[] {
  const file = path.join(root, job.uses ?? '');
  if (!job.uses?.startsWith('./.github/workflows/') || !existsSync(file)) {
    return [`${jobName}: reusable workflow ${job.uses} does not exist`];
  }
  const called = readWorkflow(file).on?.workflow_call as { inputs?: Record<string, { required?: boolean }> };
  if (!called) return [`${jobName}: ${job.uses} has no workflow_call trigger`];
  const inputs = called.inputs ?? {};
  const given = Object.keys(job.with ?? {});
  return [
    ...given
      .filter((name) => !(name in inputs))
      .map((name) => `${jobName}: ${job.uses} has no input ${name}`),
    ...Object.entries(inputs)
      .filter(([name, input]) => input.required && !given.includes(name))
      .map(([name]) => `${jobName}: required input ${name} of ${job.uses} is missing`),
  ];
}
