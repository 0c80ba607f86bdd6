import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateQueueCommand, DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  LocalDataPlane,
  startControlServer,
  type ControlRequest,
  type ControlServer,
} from '@bbws/integrations-local-compute';
import { QueueProbe } from '@bbws/testing-engines';
import { createComputeAdapter, type AwsComputeAdapter } from '@bbws/integrations-compute';
import { RecordingTaskRunner } from './recording-task-runner';
import { RecordingWorkerFleet } from './recording-worker-fleet';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The production adapter against a local data plane's endpoints, its events on a fresh local SQS queue. */
export class ComputeTestPlane {
  readonly fleet = new RecordingWorkerFleet();
  readonly tasks = new RecordingTaskRunner();
  readonly requests: ControlRequest[] = [];
  readonly sqs = new SQSClient({
    region: REGION,
    endpoint: process.env.SQS_ENDPOINT,
    credentials: CREDENTIALS,
  });
  readonly probe = new QueueProbe(this.sqs);
  dataDir!: string;
  queueUrl!: string;
  plane!: LocalDataPlane;
  server!: ControlServer;
  adapter!: AwsComputeAdapter;

  async start(): Promise<this> {
    this.dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-compute-'));
    const created = await this.sqs.send(new CreateQueueCommand({ QueueName: `ecs-events-${randomUUID()}` }));
    this.queueUrl = created.QueueUrl ?? '';
    await this.boot();
    return this;
  }

  /** Stops the plane and its endpoint and starts them again on the same data directory. */
  async restart(): Promise<void> {
    await this.halt();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.halt();
    await this.sqs.send(new DeleteQueueCommand({ QueueUrl: this.queueUrl }));
    this.sqs.destroy();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  requestsTo(api: 'ecs' | 'elbv2'): ControlRequest[] {
    return this.requests.filter((request) => request.api === api);
  }

  private async boot(): Promise<void> {
    this.plane = new LocalDataPlane({
      dataDir: this.dataDir,
      region: REGION,
      fleet: this.fleet,
      tasks: this.tasks,
      events: { queueUrl: this.queueUrl, sqs: this.sqs },
      pollIntervalMs: 20,
      convergenceTimeoutMs: 3_000,
    });
    await this.plane.start();
    this.server = await startControlServer(this.plane, { observe: (request) => this.requests.push(request) });
    const endpoints = {
      region: REGION,
      ecsEndpoint: this.server.endpoint,
      elbv2Endpoint: this.server.endpoint,
    };
    this.adapter = createComputeAdapter({
      DEV: { ...endpoints, credentials: CREDENTIALS },
      SIT: { ...endpoints, credentials: CREDENTIALS },
    });
  }

  private async halt(): Promise<void> {
    this.adapter.destroy();
    await this.server.close();
    await this.plane.stop();
  }
}
