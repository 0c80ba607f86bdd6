import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputsProblem, parseWorkflow, substituteInputs, withDefaults } from './workflow.definition';

const TEMPLATE_WORKFLOW = join(
  __dirname,
  '../../../../tools/gitops-template/.github/workflows/deploy-tenant.yml',
);

describe('substituteInputs', () => {
  it('replaces inputs.x and github.event.inputs.x, with or without spaces', () => {
    expect(
      substituteInputs(
        '${{ inputs.action }} ${{inputs.tenant_slug}} (${{ github.event.inputs.operation_id }})',
        {
          action: 'apply',
          tenant_slug: 'acme',
          operation_id: 'op-1',
        },
      ),
    ).toBe('apply acme (op-1)');
  });

  it('leaves text alone and empties unknown inputs and other expressions', () => {
    expect(substituteInputs('deploy ${{ inputs.missing }}|${{ github.actor }}|done', {})).toBe(
      'deploy ||done',
    );
    expect(substituteInputs('no expressions', { a: 'b' })).toBe('no expressions');
  });

  it('does not expand expressions that an input value contains', () => {
    expect(substituteInputs('${{ inputs.a }}', { a: '${{ inputs.b }}', b: 'x' })).toBe('${{ inputs.b }}');
  });
});

describe('parseWorkflow on the template workflow', () => {
  const workflow = parseWorkflow(
    '.github/workflows/deploy-tenant.yml',
    readFileSync(TEMPLATE_WORKFLOW, 'utf8'),
  );

  it('reads name, run-name with the operation id, the per-tenant concurrency group and the job name', () => {
    expect(workflow.name).toBe('deploy-tenant');
    const inputs = { tenant_slug: 'acme', action: 'destroy', operation_id: 'op-42' };
    expect(substituteInputs(workflow.runName ?? '', inputs)).toContain('op-42');
    expect(substituteInputs(workflow.concurrencyGroup ?? '', inputs)).toBe('tenant-acme');
    expect(substituteInputs(workflow.jobName, inputs)).toBe('terraform destroy');
  });

  it('requires tenant_slug, action (plan|apply|destroy) and operation_id', () => {
    expect(workflow.inputs).toEqual({
      tenant_slug: { required: true, type: 'string' },
      action: { required: true, type: 'choice', options: ['plan', 'apply', 'destroy'] },
      operation_id: { required: true, type: 'string' },
    });
    expect(inputsProblem(workflow, { tenant_slug: 'a', action: 'apply', operation_id: 'o' })).toBeUndefined();
    expect(inputsProblem(workflow, { tenant_slug: 'a', action: 'apply' })).toBe(
      "Required input 'operation_id' not provided",
    );
    expect(inputsProblem(workflow, { tenant_slug: 'a', action: 'drop', operation_id: 'o' })).toMatch(
      /'drop'.*'action'/,
    );
    expect(inputsProblem(workflow, { tenant_slug: 'a', action: 'plan', operation_id: 'o', extra: 'x' })).toBe(
      'Unexpected inputs provided: ["extra"]',
    );
  });

  it('fills defaults of optional inputs', () => {
    const withDefault = parseWorkflow(
      'w.yml',
      'on:\n  workflow_dispatch:\n    inputs:\n      mode:\n        default: fast\n      name:\n        required: true\n',
    );
    expect(withDefaults(withDefault, { name: 'x' })).toEqual({ mode: 'fast', name: 'x' });
  });
});
