import { readdirSync } from 'node:fs';
import path from 'node:path';
import { controlPlaneTemplate } from './control-plane/control-plane-template';
import { DEPLOYABLE_APPS, LOCAL_ONLY_APPS, deployNames } from './control-plane/deployable-apps';
import { readWorkflow, workflowProblems, type Workflow } from './workflow-checks';

const root = path.join(__dirname, '../..');
const directory = path.join(root, '.github/workflows');
const files = readdirSync(directory).filter((file) => /\.ya?ml$/.test(file));
const workflows = Object.fromEntries(files.map((file) => [file, readWorkflow(path.join(directory, file))]));
const awsJobs = (workflow: Workflow) =>
  Object.values(workflow.jobs).filter((job) =>
    job.steps?.some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@')),
  );
const runs = (workflow: Workflow) =>
  Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).map((step) => step.run ?? ''));

describe('GitHub workflows', () => {
  it('parse, and name only pinned actions, existing reusable workflows, npm scripts and files', () => {
    expect(files.sort()).toEqual([
      'ci.yml',
      'deploy-dev.yml',
      'deploy-prod.yml',
      'deploy-sit.yml',
      'deploy.yml',
    ]);
    for (const file of files)
      expect({ file, problems: workflowProblems(workflows[file], root) }).toEqual({ file, problems: [] });
  });

  it('report what a broken workflow names', () => {
    const broken = {
      name: 'Broken',
      on: { push: {} },
      jobs: {
        build: {
          steps: [
            { uses: 'actions/checkout@main' },
            { run: 'npm run no-such-script && docker build -f docker/missing.Dockerfile .' },
          ],
        },
        call: { uses: './.github/workflows/deploy.yml', with: { stage: 'dev', colour: 'blue' } },
        gone: { uses: './.github/workflows/gone.yml' },
      },
    };
    expect(workflowProblems(broken, root)).toEqual([
      'build: action actions/checkout@main is neither pinned nor a local action',
      'build: npm script no-such-script does not exist',
      'build: docker/missing.Dockerfile does not exist',
      'call: ./.github/workflows/deploy.yml has no input colour',
      'call: required input ref of ./.github/workflows/deploy.yml is missing',
      'gone: reusable workflow ./.github/workflows/gone.yml does not exist',
    ]);
  });

  it('CI runs the affected lint, test and build from a full clone on Node 24', () => {
    const ci = workflows['ci.yml'];
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const steps = Object.values(ci.jobs).flatMap((job) => job.steps ?? []);
    expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({
      'fetch-depth': 0,
    });
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({
      'node-version': 24,
    });
    expect(steps.some((step) => step.uses?.startsWith('nrwl/nx-set-shas@'))).toBe(true);
    expect(runs(ci).join('\n')).toMatch(
      /npx nx affected -t lint test build --base="\$NX_BASE" --head="\$NX_HEAD"/,
    );
  });

  it('deploy dev on push to main, sit after dev succeeded, prod on demand only', () => {
    const callOf = (file: string) => Object.values(workflows[file].jobs)[0];
    expect(workflows['deploy-dev.yml'].on.push).toEqual({ branches: ['main'] });
    expect(workflows['deploy-sit.yml'].on.workflow_run).toMatchObject({
      workflows: [workflows['deploy-dev.yml'].name],
    });
    expect(Object.keys(workflows['deploy-prod.yml'].on)).toEqual(['workflow_dispatch']);
    for (const stage of ['dev', 'sit', 'prod']) {
      expect(callOf(`deploy-${stage}.yml`)).toMatchObject({
        uses: './.github/workflows/deploy.yml',
        with: { stage },
      });
    }
  });

  it('every AWS job of a deploy runs in the stage environment (prod waits for its required reviewers)', () => {
    const deploy = workflows['deploy.yml'];
    expect(awsJobs(deploy).length).toBeGreaterThanOrEqual(2);
    for (const job of awsJobs(deploy)) expect(job.environment).toBe('${{ inputs.stage }}');
    for (const file of files.filter((name) => name !== 'deploy.yml'))
      expect(awsJobs(workflows[file])).toEqual([]);
  });

  it('deploy the control plane before the apps, and each affected app but the front door to its ECS service', () => {
    const deploy = workflows['deploy.yml'];
    expect(runs(deploy).join('\n')).toMatch(/npx nx show projects --affected --type app/);
    expect(runs(deploy).join('\n')).toContain('select(. != "front-door")');
    expect(LOCAL_ONLY_APPS).toEqual(['front-door']);
    expect(DEPLOYABLE_APPS).not.toContain('front-door');
    const app = deploy.jobs.app;
    expect(app.strategy?.matrix?.app).toBe('${{ fromJSON(needs.plan.outputs.apps) }}');
    expect(app).toMatchObject({ needs: ['plan', 'infrastructure'] });
    expect(runs(deploy).join('\n')).toMatch(
      /aws cloudformation deploy[\s\S]*--template-file control-plane\.json/,
    );
    const stage = '${{ inputs.stage }}';
    const matrixApp = '${{ matrix.app }}' as (typeof DEPLOYABLE_APPS)[number];
    expect(app.env).toMatchObject({
      CLUSTER: deployNames.cluster(stage),
      REPOSITORY: deployNames.repository(stage, matrixApp),
      FAMILY: deployNames.taskFamily(stage, matrixApp),
    });
    const appRuns = (app.steps ?? []).map((step) => step.run ?? '').join('\n');
    for (const command of [
      'docker build -f docker/node-app.Dockerfile --build-arg APP="$APP"',
      'docker push',
      'aws ecs describe-task-definition',
      'aws ecs register-task-definition',
      'aws ecs update-service',
      'aws ecs wait services-stable',
    ]) {
      expect(appRuns).toContain(command);
    }
    expect(deployNames.service(matrixApp)).toBe(matrixApp);
  });

  it('pass every template parameter without a default to the control-plane stack', () => {
    const parameters = controlPlaneTemplate('dev').Parameters as Record<string, { Default?: string }>;
    const required = Object.keys(parameters).filter((name) => parameters[name].Default === undefined);
    expect(required.length).toBeGreaterThan(5);
    const deployRun =
      runs(workflows['deploy.yml']).find((run) => run.includes('aws cloudformation deploy')) ?? '';
    const passed = [...deployRun.matchAll(/"(\w+)=\$\{\{ vars\.\w+ \}\}"/g)].map(([, name]) => name);
    expect(passed.sort()).toEqual(required.sort());
  });
});
