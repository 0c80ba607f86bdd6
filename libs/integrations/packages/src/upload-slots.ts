import { ARTIFACT_PREFIXES, type ArtifactStore } from '@bbws/integrations-artifacts';
import { ValidationError } from '@bbws/shared-errors';
import { isId, newId } from '@bbws/shared-util';

/** What an upload will hold; decides the accepted content types and the size limit checked on acceptance. */
export const UPLOAD_KINDS = {
  PLUGIN_PACKAGE: { contentTypes: ['application/zip'], maxBytes: 50 * 1024 * 1024 },
  THEME_PACKAGE: { contentTypes: ['application/zip'], maxBytes: 50 * 1024 * 1024 },
  SCREENSHOT: { contentTypes: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 5 * 1024 * 1024 },
  VULNERABILITY_FEED: { contentTypes: ['application/json'], maxBytes: 1024 * 1024 * 1024 },
} as const;
export type UploadKind = keyof typeof UPLOAD_KINDS;

/** A presigned PUT the uploader (an admin's browser or script) sends the bytes to. */
export interface UploadSlot {
  uploadId: string;
  kind: UploadKind;
  url: string;
  method: 'PUT';
  /** Headers to send unchanged (Content-Type is part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
  /** Checked when the upload is accepted (a presigned PUT cannot cap the size itself). */
  maxBytes: number;
}

/** Uploads that have not been accepted into a catalogue expire with the `uploads/` retention rule. */
const UPLOAD_SECONDS = 15 * 60;

/**
 * Presigned uploads into `uploads/{uploadId}`, so packages never pass through an API process; the
 * service that accepts one inspects it from the store and copies it under `packages/`.
 */
export class UploadSlots {
  constructor(private readonly store: Pick<ArtifactStore, 'presignPut' | 'delete'>) {}

  async create(kind: UploadKind, contentType: string): Promise<UploadSlot> {
    const allowed: readonly string[] = UPLOAD_KINDS[kind].contentTypes;
    if (!allowed.includes(contentType))
      throw ValidationError.field('contentType', `must be one of ${allowed.join(', ')} for ${kind}`);
    const uploadId = newId('upl');
    const presigned = await this.store.presignPut(this.keyOf(uploadId), {
      contentType,
      expiresInSeconds: UPLOAD_SECONDS,
    });
    return {
      uploadId,
      kind,
      url: presigned.url,
      method: presigned.method,
      headers: presigned.headers,
      expiresAt: presigned.expiresAt.toISOString(),
      maxBytes: UPLOAD_KINDS[kind].maxBytes,
    };
  }

  /** The artifact key of an upload; a malformed id is a 400 on `field`. */
  keyOf(uploadId: string, field = 'uploadId'): string {
    if (!isId('upl', uploadId)) throw ValidationError.field(field, 'must be an upload id (upl-<uuid>)');
    return `${ARTIFACT_PREFIXES.uploads}${uploadId}`;
  }

  /** After acceptance (the bytes now live under `packages/`). */
  async discard(uploadId: string): Promise<void> {
    await this.store.delete(this.keyOf(uploadId));
  }
}
