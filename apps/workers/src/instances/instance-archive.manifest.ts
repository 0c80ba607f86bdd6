import type { ArtifactStore } from '@bbws/integrations-artifacts';
import { createHash } from 'node:crypto';

export interface ArchivedFile {
  key: string;
  size: number;
  sha256: string;
}

/** `manifest.json` next to an instance archive: what was archived, from where, when. */
export interface ArchiveManifest {
  prefix: string;
  instanceId: string;
  tenantId: string;
  environment: string;
  slug: string;
  operationId: string;
  taskArn: string;
  createdAt: string;
  database: ArchivedFile;
  content: ArchivedFile;
}

/** Size (from HEAD) and SHA-256 (streamed from GET) of an uploaded object; undefined when missing. */
export async function describeUpload(store: ArtifactStore, key: string): Promise<ArchivedFile | undefined> {
  const head = await store.head(key);
  if (!head) return undefined;
  const download = await store.get(key);
  const hash = createHash('sha256');
  for await (const chunk of download.body) hash.update(chunk as Buffer);
  return { key, size: head.size, sha256: hash.digest('hex') };
}

export async function readManifest(store: ArtifactStore, key: string): Promise<ArchiveManifest | undefined> {
  if (!(await store.head(key))) return undefined;
  const download = await store.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of download.body) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ArchiveManifest;
}
