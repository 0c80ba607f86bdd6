import { createHash } from 'node:crypto';

/** The object id git gives a blob with this content (what `git hash-object` prints). */
export function gitBlobSha(content: string): string {
  const body = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]))
    .digest('hex');
}
