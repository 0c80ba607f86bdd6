import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A stream's bytes written to a temporary file, with their SHA-256 and size. */
export interface HashedSpool {
  sha256: string;
  size: number;
  /** The temporary file, until `dispose`. */
  path: string;
  open(): Readable;
  dispose(): Promise<void>;
}

/**
 * Drains `body` into a temporary file while hashing it. The checksum has to travel as object
 * metadata, i.e. in the request headers, so it must be known before the upload starts; spooling
 * keeps large backups out of memory and gives S3 the Content-Length it requires.
 */
export async function spoolAndHash(body: Readable, directory = tmpdir()): Promise<HashedSpool> {
  const folder = await mkdtemp(path.join(directory, 'bbws-artifact-'));
  const file = path.join(folder, 'body');
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    sha256: hash.digest('hex'),
    size,
    path: file,
    open: () => createReadStream(file),
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
