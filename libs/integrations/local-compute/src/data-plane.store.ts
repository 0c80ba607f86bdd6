import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyState, type DataPlaneState } from './data-plane.state';

/** The data plane's state as `compute-state.json` in its data directory (written atomically). */
export class DataPlaneStore {
  private readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'compute-state.json');
  }

  async load(): Promise<DataPlaneState> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as DataPlaneState;
      return parsed.version === 1 ? { ...parsed, tasks: parsed.tasks ?? {} } : emptyState();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw error;
    }
  }

  /** Writes a snapshot of `state`; writes happen one after another in call order. */
  save(state: DataPlaneState): Promise<void> {
    const snapshot = JSON.stringify(state, null, 2);
    const next = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, snapshot);
      await rename(temporary, this.file);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}
