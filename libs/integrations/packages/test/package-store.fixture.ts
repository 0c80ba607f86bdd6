import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import { zipSync, type Zippable } from 'fflate';

/** The artifact store on the local S3 server of the Jest global setup (S3_ENDPOINT, ARTIFACTS_BUCKET). */
export function localArtifactStore(): S3ArtifactStore {
  const endpoint = process.env.S3_ENDPOINT;
  const bucket = process.env.ARTIFACTS_BUCKET;
  if (!endpoint || !bucket)
    throw new Error('S3_ENDPOINT/ARTIFACTS_BUCKET missing: run through the Jest global setup');
  return new S3ArtifactStore({
    bucket,
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint,
    forcePathStyle: true,
  });
}

/** The S3 commands the store's client sends, by name. */
export function recordCommands(store: S3ArtifactStore): string[] {
  const sent: string[] = [];
  store.client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return sent;
}

/** A fresh upload key per test. */
export function freshUploadKey(): string {
  return `uploads/upl-${randomUUID()}`;
}

/** A zip of every file under `directory`, inside a top folder named after it (as wordpress.org ships plugins). */
export function zipDirectory(directory: string): Buffer {
  const top = path.basename(directory);
  const entries: Zippable = {};
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    entries[`${top}/${path.relative(directory, file).split(path.sep).join('/')}`] = readFileSync(file);
  }
  return Buffer.from(zipSync(entries, { level: 6 }));
}
