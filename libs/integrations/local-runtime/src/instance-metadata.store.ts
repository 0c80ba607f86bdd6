import { readFile, writeFile } from 'node:fs/promises';

/** What an instance was provisioned with; its file exists once provisioning succeeded. */
export interface InstanceMetadata {
  networkHost: string;
  adminEmail: string;
  title: string;
}

export async function readInstanceMetadata(file: string): Promise<InstanceMetadata | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as InstanceMetadata;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function writeInstanceMetadata(file: string, metadata: InstanceMetadata): Promise<void> {
  await writeFile(file, JSON.stringify(metadata), { mode: 0o600 });
}
