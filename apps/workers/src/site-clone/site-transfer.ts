import type { ArtifactStore } from '@bbws/integrations-artifacts';
import type {
  ImportSelection,
  RestoreResult,
  SearchReplacePair,
  SiteRef,
  WordPressClient,
} from '@bbws/integrations-wordpress-client';
import type { SiteOnNetwork } from '../sites/site-network';

/** Presigned transfer URLs outlive a slow export or import: an hour. */
const TRANSFER_URL_SECONDS = 3600;
/** What the agent's export uploads (its PUT carries exactly this type). */
const ARCHIVE_CONTENT_TYPE = 'application/zip';

/** Where a site's URLs point: WordPress's `home` and `siteurl` (no trailing slash). */
export interface SiteAddress {
  home: string;
  siteUrl: string;
}

/** A site exported for a clone or a promotion: the archive in the artifact store and the URLs it holds. */
export interface ExportedSite extends SiteAddress {
  [key: string]: unknown;
  artifactKey: string;
  sha256: string;
  bytes: number;
}

/**
 * Copies a site's content onto another site through the artifact store: the agent of the source's
 * instance exports the site (tables, uploads, manifest) to a presigned PUT of a transfer artifact
 * (`transfers/{tenantId}/{operationId}.zip`, one per operation, written again when an export is
 * redone), the target's agent imports it, rewriting every source URL to the target's serialization-safely.
 * The target's URLs are derived from the source's, never read from the target: an import interrupted
 * after its tables were swapped leaves the source's URLs there, which the next import must still rewrite.
 */
export class SiteTransfer {
  constructor(
    private readonly artifacts: Pick<ArtifactStore, 'presignPut' | 'presignGet' | 'delete'>,
    private readonly wordpress: Pick<WordPressClient, 'createBackup' | 'restoreBackup'>,
  ) {}

  keyOf(tenantId: string, operationId: string): string {
    return `transfers/${tenantId}/${operationId}.zip`;
  }

  async export(source: SiteOnNetwork, ref: SiteRef, artifactKey: string): Promise<ExportedSite> {
    const upload = await this.artifacts.presignPut(artifactKey, {
      contentType: ARCHIVE_CONTENT_TYPE,
      expiresInSeconds: TRANSFER_URL_SECONDS,
    });
    const archive = await this.wordpress.createBackup(source.connection, ref, { uploadUrl: upload.url });
    return {
      artifactKey,
      sha256: archive.sha256,
      bytes: archive.bytes,
      home: trimmed(archive.home),
      siteUrl: trimmed(archive.siteUrl),
    };
  }

  /** Imports the exported site into `ref` (idempotent: the archive replaces what an earlier import left). */
  async import(
    target: SiteOnNetwork,
    ref: SiteRef,
    exported: ExportedSite,
    selection: ImportSelection = {},
  ): Promise<RestoreResult> {
    const download = await this.artifacts.presignGet(exported.artifactKey, {
      expiresInSeconds: TRANSFER_URL_SECONDS,
    });
    return this.wordpress.restoreBackup(target.connection, ref, {
      downloadUrl: download.url,
      sha256: exported.sha256,
      searchReplace: urlRewrites(exported, addressAt(exported, target.host)),
      ...selection,
    });
  }

  discard(artifactKey: string): Promise<void> {
    return this.artifacts.delete(artifactKey);
  }
}

/**
 * Every form of the source's URLs rewritten to the target's: `home` and `siteurl`, then the bare
 * `//host` (https links, protocol-relative ones). The agent replaces longest matches first.
 */
export function urlRewrites(from: SiteAddress, to: SiteAddress): SearchReplacePair[] {
  const pairs: SearchReplacePair[] = [
    { from: from.home, to: to.home },
    { from: from.siteUrl, to: to.siteUrl },
    { from: `//${new URL(from.home).host}`, to: `//${new URL(to.home).host}` },
    { from: `//${new URL(from.siteUrl).host}`, to: `//${new URL(to.siteUrl).host}` },
  ];
  const seen = new Set<string>();
  return pairs.filter((pair) => {
    if (pair.from === pair.to || seen.has(pair.from)) return false;
    seen.add(pair.from);
    return true;
  });
}

/**
 * Where the target's URLs point: the source's, on the target's host (the sites of the platform's
 * networks differ by their host only: same scheme, no path).
 */
export function addressAt(source: SiteAddress, host: string): SiteAddress {
  const rehost = (url: string) => {
    const moved = new URL(url);
    moved.hostname = host;
    return trimmed(moved.toString());
  };
  return { home: rehost(source.home), siteUrl: rehost(source.siteUrl) };
}

function trimmed(url: string): string {
  return url.replace(/\/+$/, '');
}
