import { BusinessRuleError } from '@bbws/shared-errors';
import { token } from '@bbws/shared-util';

/** The upload as read from the artifact store. */
export interface InspectedPackage {
  /** The key that was inspected (an upload under `uploads/`). */
  key: string;
  /** Hex SHA-256 of the bytes, computed while reading them. */
  sha256: string;
  size: number;
}

/** A plugin zip: one top folder holding a PHP file with a `Plugin Name:` header (core's rules). */
export interface PluginPackageInfo extends InspectedPackage {
  /** The top folder = the plugin's slug. */
  slug: string;
  /** Core's plugin id: `folder/main-file` without `.php`. */
  pluginFile: string;
  name: string;
  description: string | null;
  /** `Version:` header. */
  version: string | null;
  /** `Requires at least:` header. */
  requiresAtLeast: string | null;
  /** `Requires PHP:` header. */
  requiresPhp: string | null;
}

/** A theme zip: one top folder (the stylesheet) holding `style.css` with a `Theme Name:` header. */
export interface ThemePackageInfo extends InspectedPackage {
  stylesheet: string;
  name: string;
  version: string | null;
  requiresAtLeast: string | null;
}

export type PackageProblem =
  | 'UPLOAD_NOT_FOUND'
  | 'TOO_LARGE'
  | 'NOT_A_ZIP'
  | 'UNSAFE_ENTRY'
  | 'NO_SINGLE_TOP_FOLDER'
  | 'NO_PLUGIN_HEADER'
  | 'NO_THEME_HEADER';

/** 422 `INVALID_PACKAGE` with `details.problem` (and what was found). */
export class PackageRejectedError extends BusinessRuleError {
  constructor(
    readonly problem: PackageProblem,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super('INVALID_PACKAGE', message, { problem, ...details });
  }
}

/**
 * Reads an uploaded package from the artifact store (streamed and hashed, never held whole in
 * memory), checks its size against `maxBytes` before downloading, and its zip structure and
 * headers; throws `PackageRejectedError`.
 */
export interface PackageInspector {
  inspectPlugin(key: string, options: { maxBytes: number }): Promise<PluginPackageInfo>;
  inspectTheme(key: string, options: { maxBytes: number }): Promise<ThemePackageInfo>;
}

export const PACKAGE_INSPECTOR = token<PackageInspector>('PACKAGE_INSPECTOR');
