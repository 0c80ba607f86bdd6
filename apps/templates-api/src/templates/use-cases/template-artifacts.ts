import { createHash } from 'node:crypto';
import type { PackageArtifact, TemplateScreenshot } from '@bbws/data-access-catalogue';
import { ARTIFACT_PREFIXES, type ArtifactStore } from '@bbws/integrations-artifacts';
import { UPLOAD_KINDS, type PackageInspector, type UploadSlots } from '@bbws/integrations-packages';
import { BusinessRuleError } from '@bbws/shared-errors';
import { readAtMost, screenshotImageOf } from './screenshot-image';

export interface ArtifactUploads {
  theme?: { slug: string; uploadId: string };
  screenshotUploadIds?: readonly string[];
}

/** Uploads checked and described, not yet kept: `store()` copies them under `packages/`, `discard()` drops the uploads. */
export interface PreparedArtifacts {
  theme?: PackageArtifact;
  screenshots?: TemplateScreenshot[];
  store(): Promise<void>;
  discard(): Promise<void>;
}

type ScreenshotProblem = 'UPLOAD_NOT_FOUND' | 'TOO_LARGE' | 'NOT_AN_IMAGE';

function invalidScreenshot(problem: ScreenshotProblem, uploadId: string, message: string): BusinessRuleError {
  return new BusinessRuleError('INVALID_SCREENSHOT', message, { problem, uploadId });
}

/**
 * A template's theme package and screenshots, from presigned uploads into the artifact store: every
 * upload is inspected before anything is kept, so a rejected one stores nothing.
 */
export class TemplateArtifacts {
  constructor(
    private readonly store: Pick<ArtifactStore, 'head' | 'get' | 'put' | 'copy'>,
    private readonly inspector: Pick<PackageInspector, 'inspectTheme'>,
    private readonly uploads: Pick<UploadSlots, 'keyOf' | 'discard'>,
  ) {}

  async prepare(uploads: ArtifactUploads): Promise<PreparedArtifacts> {
    const steps: Array<() => Promise<unknown>> = [];
    const result: Omit<PreparedArtifacts, 'store' | 'discard'> = {};
    if (uploads.theme) {
      const { key, artifact } = await this.inspectTheme(uploads.theme.slug, uploads.theme.uploadId);
      result.theme = artifact;
      steps.push(() => this.store.copy(key, artifact.key));
    }
    if (uploads.screenshotUploadIds) {
      const screenshots = [];
      for (const [index, uploadId] of uploads.screenshotUploadIds.entries())
        screenshots.push(await this.readScreenshot(uploadId, `screenshotUploadIds.${index}`));
      result.screenshots = screenshots.map(({ artifact }) => artifact);
      for (const { artifact, bytes } of screenshots)
        steps.push(() => this.store.put(artifact.key, bytes, { contentType: artifact.contentType }));
    }
    const uploadIds = [
      ...(uploads.theme ? [uploads.theme.uploadId] : []),
      ...(uploads.screenshotUploadIds ?? []),
    ];
    return {
      ...result,
      store: async () => {
        await Promise.all(steps.map((step) => step()));
      },
      // Best effort once the template is stored: a leftover upload expires with the uploads/ retention rule.
      discard: async () => {
        await Promise.allSettled(uploadIds.map((uploadId) => this.uploads.discard(uploadId)));
      },
    };
  }

  /** 422 INVALID_PACKAGE from the inspector, or with problem THEME_MISMATCH when the zip holds another theme. */
  private async inspectTheme(slug: string, uploadId: string) {
    const key = this.uploads.keyOf(uploadId, 'theme.packageUploadId');
    const theme = await this.inspector.inspectTheme(key, { maxBytes: UPLOAD_KINDS.THEME_PACKAGE.maxBytes });
    if (theme.stylesheet !== slug)
      throw new BusinessRuleError(
        'INVALID_PACKAGE',
        `The package holds the theme ${theme.stylesheet}, not ${slug}`,
        {
          problem: 'THEME_MISMATCH',
          uploadId,
          expected: slug,
          found: theme.stylesheet,
        },
      );
    const artifact = {
      key: `${ARTIFACT_PREFIXES.packages}themes/${slug}/${theme.sha256}.zip`,
      sha256: theme.sha256,
      size: theme.size,
    };
    return { key, artifact };
  }

  /** The upload's bytes (at most 5 MiB) when they are a PNG, JPEG or WebP image; 422 INVALID_SCREENSHOT else. */
  private async readScreenshot(uploadId: string, field: string) {
    const key = this.uploads.keyOf(uploadId, field);
    const maxBytes = UPLOAD_KINDS.SCREENSHOT.maxBytes;
    const head = await this.store.head(key);
    if (!head) throw invalidScreenshot('UPLOAD_NOT_FOUND', uploadId, `Nothing was uploaded as ${uploadId}`);
    if (head.size > maxBytes)
      throw invalidScreenshot('TOO_LARGE', uploadId, `A screenshot is at most ${maxBytes} bytes`);
    const bytes = await readAtMost((await this.store.get(key)).body, maxBytes);
    if (!bytes) throw invalidScreenshot('TOO_LARGE', uploadId, `A screenshot is at most ${maxBytes} bytes`);
    const image = screenshotImageOf(bytes);
    if (!image)
      throw invalidScreenshot('NOT_AN_IMAGE', uploadId, 'A screenshot must be a PNG, JPEG or WebP image');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const artifact: TemplateScreenshot = {
      key: `${ARTIFACT_PREFIXES.packages}screenshots/${sha256}.${image.extension}`,
      sha256,
      size: bytes.length,
      contentType: image.contentType,
    };
    return { artifact, bytes };
  }
}
