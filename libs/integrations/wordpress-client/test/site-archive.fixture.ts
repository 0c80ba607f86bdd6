import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Test-only: the parts of an export archive's manifest that tests edit. */
export interface ArchiveManifest {
  source: { tablePrefix: string; [field: string]: unknown };
  tables: Array<{ name: string; rows: number; bytes: number; sha256: string }>;
  uploads: Array<{ path: string; bytes: number; sha256: string }>;
  [field: string]: unknown;
}

/** An unzipped archive: the manifest and every other entry by its path in the zip. */
export interface EditableArchive {
  manifest: ArchiveManifest;
  entries: Record<string, Uint8Array>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function tableSql(archive: EditableArchive, table: string): string {
  return strFromU8(archive.entries[`tables/${table}.sql`]);
}

export function setTableSql(archive: EditableArchive, table: string, sql: string): void {
  archive.entries[`tables/${table}.sql`] = strToU8(sql);
}

/** Adds an upload entry and lists it in the manifest. */
export function addUpload(archive: EditableArchive, path: string, content: string): void {
  archive.entries[`uploads/${path}`] = strToU8(content);
  archive.manifest.uploads.push({ path, bytes: 0, sha256: '' });
}

/**
 * Unzips an archive made by the agent's export, lets `edit` change it, and zips it again with the
 * manifest's sizes and checksums recomputed, so only the edited content can make an import refuse it.
 */
export function editArchive(bytes: Uint8Array, edit: (archive: EditableArchive) => void): Buffer {
  const entries = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as ArchiveManifest;
  delete entries['manifest.json'];
  const archive: EditableArchive = { manifest, entries };
  edit(archive);
  for (const table of manifest.tables) {
    const entry = entries[`tables/${table.name}.sql`];
    Object.assign(table, { bytes: entry.length, sha256: sha256Hex(entry) });
  }
  for (const upload of manifest.uploads) {
    const entry = entries[`uploads/${upload.path}`];
    Object.assign(upload, { bytes: entry.length, sha256: sha256Hex(entry) });
  }
  return Buffer.from(zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
}
