import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startControlServer, type ControlServer } from './control.server';
import { LocalDataPlane } from './local-data-plane';
import type { TaskRunner, TaskRunResult } from './task-runner.port';
import type { WorkerFleet } from './worker-fleet.port';

const fleet: WorkerFleet = {
  scale: () => Promise.resolve(),
  health: () => Promise.resolve({ running: 0, workers: [] }),
};

/** Runs whatever the test says, when the test says so. */
class GatedRunner implements TaskRunner {
  readonly calls: { command: string[]; environment: Record<string, string> }[] = [];
  private finish?: (result: TaskRunResult) => void;
  private failure?: Error;

  run(_instance: unknown, command: string[], environment: Record<string, string>): Promise<TaskRunResult> {
    this.calls.push({ command, environment });
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => (this.finish = resolve));
  }

  complete(result: TaskRunResult): void {
    this.finish?.(result);
  }

  throwOnRun(error: Error | undefined): void {
    this.failure = error;
  }
}

describe('LocalDataPlane: ECS RunTask / DescribeTasks (raw AWS JSON 1.1 protocol)', () => {
  let dataDir: string;
  let runner: GatedRunner;
  let plane: LocalDataPlane;
  let server: ControlServer;

  async function boot() {
    plane = new LocalDataPlane({ dataDir, region: 'eu-west-1', fleet, tasks: runner, environments: ['DEV'] });
    await plane.start();
    server = await startControlServer(plane);
  }
  const ecs = async (action: string, body: unknown) => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': `AmazonEC2ContainerServiceV20141113.${action}`,
        'content-type': 'application/x-amz-json-1.1',
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const runTask = (extra: Record<string, unknown> = {}) =>
    ecs('RunTask', {
      cluster: 'dev-cluster',
      taskDefinition: 'dev-acme-service:1',
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
      overrides: {
        containerOverrides: [
          {
            name: 'wordpress',
            command: ['bbws-archive'],
            environment: [{ name: 'SECRET_URL', value: 'https://s3/x' }],
          },
        ],
      },
      ...extra,
    });
  const describeTask = async (taskArn: string) =>
    (await ecs('DescribeTasks', { cluster: 'dev-cluster', tasks: [taskArn] })).body.tasks[0];
  /** Polls until `done` (the runner starts and stops tasks asynchronously; a loaded machine is slow), 10 s at most. */
  const waitFor = async (done: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const taskReaching = async (taskArn: string, status: string) => {
    await waitFor(async () => (await describeTask(taskArn)).lastStatus === status);
    return describeTask(taskArn);
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-tasks-'));
    runner = new GatedRunner();
    await boot();
    await plane.registerInstance({
      environment: 'DEV',
      slug: 'acme',
      hosts: ['acme.dev.localhost'],
      priority: 10,
      desiredCount: 0,
    });
  });
  afterEach(async () => {
    runner.complete({ exitCode: 0, log: [] });
    await server.close();
    await plane.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers RunTask with a PROVISIONING task, runs it, and reports it STOPPED with the container exit code', async () => {
    const started = await runTask({ startedBy: 'bbws-workers' });
    expect(started.status).toBe(200);
    expect(started.body.failures).toEqual([]);
    const task = started.body.tasks[0];
    expect(task).toMatchObject({
      taskArn: expect.stringMatching(/^arn:aws:ecs:eu-west-1:000000000000:task\/dev-cluster\/[0-9a-f]{32}$/),
      clusterArn: 'arn:aws:ecs:eu-west-1:000000000000:cluster/dev-cluster',
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:000000000000:task-definition/dev-acme-service:1',
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      launchType: 'FARGATE',
      startedBy: 'bbws-workers',
      containers: [{ name: 'wordpress', lastStatus: 'PROVISIONING' }],
      overrides: { containerOverrides: [{ name: 'wordpress', command: ['bbws-archive'] }] },
    });
    expect(typeof task.createdAt).toBe('number');

    expect(await taskReaching(task.taskArn, 'RUNNING')).toMatchObject({ lastStatus: 'RUNNING' });
    await waitFor(() => runner.calls.length > 0);
    expect(runner.calls).toEqual([
      { command: ['bbws-archive'], environment: { SECRET_URL: 'https://s3/x' } },
    ]);

    runner.complete({ exitCode: 4, log: ['dump failed'] });
    const stopped = await taskReaching(task.taskArn, 'STOPPED');
    expect(stopped).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'wordpress', lastStatus: 'STOPPED', exitCode: 4 }],
    });
    // Kept in the state file (log included, environment values not).
    const stateFile = path.join(dataDir, 'compute-state.json');
    const savedTask = async () => JSON.parse(await readFile(stateFile, 'utf8')).tasks[task.taskArn];
    await waitFor(async () => (await savedTask())?.exitCode === 4);
    const saved = await readFile(stateFile, 'utf8');
    expect(JSON.parse(saved).tasks[task.taskArn]).toMatchObject({ exitCode: 4, log: ['dump failed'] });
    expect(saved).not.toContain('https://s3/x');
  });

  it('a runner that throws stops the task as failed to start, without an exit code', async () => {
    runner.throwOnRun(new Error('image has no bash'));
    const { taskArn } = (await runTask()).body.tasks[0];
    const stopped = await taskReaching(taskArn, 'STOPPED');
    expect(stopped).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    expect(stopped.stoppedReason).toContain('image has no bash');
    expect(stopped.containers[0].exitCode).toBeUndefined();
  });

  it('keeps tasks across a restart; a task the restart interrupted is STOPPED as failed to start', async () => {
    const { taskArn } = (await runTask()).body.tasks[0];
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.close();
    runner.complete({ exitCode: 0, log: [] });
    await plane.stop();
    // Simulate a crash mid-run: the saved state still says RUNNING.
    const file = path.join(dataDir, 'compute-state.json');
    const state = JSON.parse(await readFile(file, 'utf8'));
    state.tasks[taskArn] = { ...state.tasks[taskArn], lastStatus: 'RUNNING', exitCode: undefined };
    await writeFile(file, JSON.stringify(state));
    await boot();
    expect(await describeTask(taskArn)).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'Task stopped: the local data plane restarted',
    });
  });

  it('answers unknown tasks as MISSING failures, unknown task definitions with ClientException, and bad overrides with InvalidParameterException', async () => {
    const unknown = 'arn:aws:ecs:eu-west-1:000000000000:task/dev-cluster/ffffffffffffffffffffffffffffffff';
    expect((await ecs('DescribeTasks', { cluster: 'dev-cluster', tasks: [unknown] })).body).toEqual({
      tasks: [],
      failures: [{ arn: unknown, reason: 'MISSING' }],
    });
    expect(await runTask({ taskDefinition: 'dev-other-service:1' })).toMatchObject({
      status: 400,
      body: { __type: 'ClientException' },
    });
    expect(await runTask({ count: 2 })).toMatchObject({
      status: 400,
      body: { __type: 'InvalidParameterException' },
    });
    expect(
      await runTask({ overrides: { containerOverrides: [{ name: 'wordpress', command: 'bbws-archive' }] } }),
    ).toMatchObject({ status: 400, body: { __type: 'InvalidParameterException' } });
    expect(await ecs('DescribeTasks', { cluster: 'dev-cluster', tasks: [] })).toMatchObject({ status: 400 });
    expect(runner.calls).toHaveLength(0);
  });
});
