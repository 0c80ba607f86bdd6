import { getFileNameLowLevel, openPromise, validateFileName, type Entry, type ZipFile } from 'yauzl';
import { PackageRejectedError } from './package-inspector.port';

const FILE_TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;
/** macOS's archiver adds this folder; core's unzip skips it. */
const MACOS_METADATA = '__MACOSX/';
/** Default bound of what a listing holds: far above any real plugin or theme (WooCommerce ships ~10,000 files). */
export const MAX_ZIP_ENTRIES = 100_000;

/**
 * A zip opened from its central directory (yauzl), every entry name checked before anything is
 * read: absolute paths, `..` segments and symlinks are refused as `UNSAFE_ENTRY`, more than
 * `maxEntries` entries as `TOO_LARGE`; anything yauzl cannot read is `NOT_A_ZIP`.
 * Close it when done.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly byName: ReadonlyMap<string, Entry>,
  ) {}

  static async open(file: string, maxEntries = MAX_ZIP_ENTRIES): Promise<ZipArchive> {
    const zip = await openPromise(file, { autoClose: false, decodeStrings: false }).catch(
      (error: unknown) => {
        throw notAZip(error);
      },
    );
    try {
      if (zip.entryCount > maxEntries)
        throw new PackageRejectedError('TOO_LARGE', `The package holds more than ${maxEntries} entries`, {
          entries: zip.entryCount,
          maxEntries,
        });
      const byName = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) {
        const name = safeName(entry);
        if (!name.startsWith(MACOS_METADATA)) byName.set(name, entry);
      }
      return new ZipArchive(zip, byName);
    } catch (error) {
      zip.close();
      throw error instanceof PackageRejectedError ? error : notAZip(error);
    }
  }

  /** Entry names (folders end with `/`), in central-directory order, `__MACOSX/` left out. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** At most `maxBytes` of the entry's uncompressed bytes: the rest is never inflated. */
  async readHead(name: string, maxBytes: number): Promise<Buffer> {
    const entry = this.byName.get(name);
    if (!entry) throw new Error(`No entry ${name} in the archive`);
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= maxBytes) break;
      }
    } catch (error) {
      throw notAZip(error, name);
    }
    return Buffer.concat(chunks).subarray(0, maxBytes);
  }

  close(): void {
    this.zip.close();
  }
}

function safeName(entry: Entry): string {
  // With decodeStrings off yauzl leaves the checks to us, so an unsafe name is ours to report.
  const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  const problem = validateFileName(name);
  if (problem)
    throw new PackageRejectedError('UNSAFE_ENTRY', `The package holds an unsafe entry (${problem})`, {
      entry: name.slice(0, 200),
    });
  if (((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK)
    throw new PackageRejectedError('UNSAFE_ENTRY', 'The package holds a symbolic link', {
      entry: name.slice(0, 200),
    });
  return name;
}

function notAZip(error: unknown, entry?: string): PackageRejectedError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PackageRejectedError('NOT_A_ZIP', 'The package is not a readable zip archive', {
    reason: reason.slice(0, 200),
    ...(entry === undefined ? {} : { entry: entry.slice(0, 200) }),
  });
}
