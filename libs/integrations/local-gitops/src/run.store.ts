import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type RunStatus = 'queued' | 'in_progress' | 'completed';
export type Conclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface StepRecord {
  name: string;
  number: number;
  status: RunStatus;
  conclusion: Conclusion | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface JobRecord {
  id: number;
  name: string;
  status: RunStatus;
  conclusion: Conclusion | null;
  startedAt: string | null;
  completedAt: string | null;
  steps: StepRecord[];
  log: string[];
}

export interface RunRecord {
  id: number;
  runNumber: number;
  environment: string;
  workflowPath: string;
  workflowName: string;
  displayTitle: string;
  headBranch: string;
  headSha: string;
  inputs: Record<string, string>;
  concurrencyGroup: string;
  status: RunStatus;
  conclusion: Conclusion | null;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string | null;
  job: JobRecord;
}

interface StoreFile {
  nextId: number;
  runs: RunRecord[];
}

/** Workflow runs and their jobs and logs, kept in one JSON file so a restart keeps them. */
export class RunStore {
  private state: StoreFile = { nextId: 1, runs: [] };
  private writing: Promise<void> = Promise.resolve();
  private detached = false;

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    try {
      this.state = JSON.parse(await readFile(this.file, 'utf8')) as StoreFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  nextId(): number {
    return this.state.nextId++;
  }

  nextRunNumber(environment: string, workflowPath: string): number {
    return (
      this.state.runs.filter((run) => run.environment === environment && run.workflowPath === workflowPath)
        .length + 1
    );
  }

  add(run: RunRecord): Promise<void> {
    this.state.runs.push(run);
    return this.save();
  }

  runs(): readonly RunRecord[] {
    return this.state.runs;
  }

  find(environment: string, runId: number): RunRecord | undefined {
    return this.state.runs.find((run) => run.environment === environment && run.id === runId);
  }

  findJob(environment: string, jobId: number): JobRecord | undefined {
    return this.state.runs.find((run) => run.environment === environment && run.job.id === jobId)?.job;
  }

  /** Stops writing (the process is treated as gone; another store may own the file now). */
  detach(): Promise<void> {
    this.detached = true;
    return this.writing;
  }

  /** Writes the whole state (runs are changed in place), one write at a time, atomically. */
  save(): Promise<void> {
    if (this.detached) return this.writing;
    const snapshot = JSON.stringify(this.state);
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(`${this.file}.tmp`, snapshot);
      await rename(`${this.file}.tmp`, this.file);
    });
    return this.writing;
  }
}
