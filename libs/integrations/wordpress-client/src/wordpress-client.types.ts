/** Inputs and typed results of the WordPress client's methods. */

export interface BootstrapOptions {
  username?: string;
  email?: string;
  /** Replace the platform's application password (the only way to get it again). */
  rotate?: boolean;
}

export interface BootstrapResult {
  userId: number;
  username: string;
  /** True when a new application password was created; it is returned only then. */
  created: boolean;
  applicationPassword: string | null;
}

export interface SiteInfo {
  name: string;
  description: string;
  url: string;
  home: string;
  gmtOffset: number;
  timezone: string;
  namespaces: string[];
  /** Whether the platform agent's routes are registered. */
  agentAvailable: boolean;
}

export type PluginStatus = 'active' | 'inactive' | 'network-active';

export interface InstalledPlugin {
  /** `folder/main-file`, without `.php`. */
  plugin: string;
  name: string;
  version: string;
  /** On the site the list was read from. */
  status: PluginStatus;
  networkOnly: boolean;
}

export interface PluginPackage {
  /** Where the agent downloads the zip from (the platform's artifact store). */
  packageUrl: string;
  sha256: string;
}

export interface PluginVersion {
  plugin: string;
  name: string;
  version: string;
}

export interface PluginUpdate extends PluginVersion {
  previousVersion: string;
}

export interface PluginActivation {
  blogId: number;
  plugin: string;
  active: boolean;
}

export interface ThemeSpec {
  stylesheet: string;
  /** Installs the theme from this package when it is missing. */
  packageUrl?: string;
  sha256?: string;
}

export interface ThemeActivation {
  blogId: number;
  stylesheet: string;
  version: string;
  installed: boolean;
}

export type OptionValue = string | number | boolean;

export interface TemplatePage {
  slug: string;
  title: string;
  content?: string;
  status?: 'publish' | 'draft' | 'private';
}

export interface TemplatePlugin {
  plugin: string;
  packageUrl?: string;
  sha256?: string;
}

export interface SiteTemplate {
  theme?: ThemeSpec;
  /** Allow-listed options; `page_on_front` and `page_for_posts` also take a page slug. */
  options?: Record<string, OptionValue>;
  pages?: TemplatePage[];
  plugins?: TemplatePlugin[];
}

export interface TemplateResult {
  blogId: number;
  plugins: Array<PluginActivation & { installed: boolean }>;
  theme: ThemeActivation | null;
  pages: Array<{ slug: string; id: number; created: boolean }>;
  options: string[];
}

export type HealthStatus = 'good' | 'recommended' | 'critical';

export interface SiteHealth {
  blogId: number;
  status: HealthStatus;
  /** WordPress's own Site Health test results for the site. */
  core: Array<{ test: string; label: string; status: HealthStatus; badge: string; description: string }>;
  /** database, uploads_writable, active_theme, last_request. */
  platform: Array<{ check: string; status: 'pass' | 'fail'; message: string }>;
}

export interface BackupTarget {
  /** The archive is PUT here (e.g. a presigned artifact-store URL). */
  uploadUrl: string;
}

export interface SiteArchive {
  blogId: number;
  sha256: string;
  bytes: number;
  siteUrl: string;
  home: string;
  tables: Array<{ name: string; rows: number; bytes: number; sha256: string }>;
  uploads: { files: number; bytes: number };
}

export interface SearchReplacePair {
  from: string;
  to: string;
}

/** What of an archive an import restores (both by default): the site's tables, its uploads. */
export interface ImportSelection {
  includeDatabase?: boolean;
  includeFiles?: boolean;
}

export interface RestoreSource extends ImportSelection {
  downloadUrl: string;
  sha256: string;
  /** Applied serialization-safely after the restore (the uploads URL is rewritten by the agent itself). */
  searchReplace?: SearchReplacePair[];
}

export interface RestoreResult {
  blogId: number;
  tables: number;
  rows: number;
  files: number;
  rowsRewritten: number;
  /** Values that look serialized but do not unserialize: left byte for byte as they were (not rewritten). */
  unreadableSerialized: number;
  /** Serialized objects of classes other than stdClass: kept as they were, URLs inside them not rewritten. */
  skippedObjects: number;
}

export interface NewSite {
  domain: string;
  title: string;
  adminEmail: string;
}

export type SiteStatus = 'active' | 'archived' | 'deactivated';

export interface SiteRecord {
  blogId: number;
  domain: string;
  path: string;
  url: string;
  status: SiteStatus;
}

export interface CreatedSite extends SiteRecord {
  adminUserId: number;
}

export interface SiteSettings {
  title?: string;
  tagline?: string;
  timezone?: string;
  /** A locale installed on the instance; `''` or `en_US` for English. */
  language?: string;
  options?: Record<string, OptionValue>;
}

export interface SettingsResult {
  blogId: number;
  updated: string[];
}

export interface CloneRequest {
  source: { blogId: number; host: string };
  target: NewSite;
  /** Where the source's archive is uploaded, and where the agent downloads it from again. */
  artifact: { uploadUrl: string; downloadUrl: string };
}

export interface CloneResult {
  site: CreatedSite;
  archive: SiteArchive;
  restore: RestoreResult;
}
