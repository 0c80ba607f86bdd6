/** A package or image kept in the artifact store, as a catalogue entry references it. */
export interface PackageArtifact {
  /** Artifact-store key (under `packages/`). */
  key: string;
  /** Hex SHA-256 of the bytes, computed by the platform when the artifact was accepted. */
  sha256: string;
  size: number;
}

export const TEMPLATE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TEMPLATE_CATEGORIES = [
  'BUSINESS',
  'PORTFOLIO',
  'BLOG',
  'ECOMMERCE',
  'LANDING',
  'OTHER',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface TemplatePage {
  title: string;
  /** Pages are applied idempotently by slug. */
  slug: string;
  /** Block markup. */
  content: string;
}

export interface TemplateScreenshot extends PackageArtifact {
  contentType: string;
}

export type TemplateOptionValue = string | number | boolean;

/**
 * API.md § Templates. `templateVersion` is the template's semver (API.md calls it `version`; that
 * name is the concurrency counter on every mutable resource, so the semver has its own name).
 */
export interface Template {
  templateId: string;
  name: string;
  description: string;
  category: TemplateCategory;
  templateVersion: string;
  status: TemplateStatus;
  /** The theme's stylesheet slug; without a package it must already be on the instance (core themes). */
  theme: { slug: string; packageArtifact: PackageArtifact | null };
  /** Catalogue plugin ids installed and activated with the template. */
  plugins: string[];
  /** Allow-listed WordPress options only. */
  options: Record<string, TemplateOptionValue>;
  pages: TemplatePage[];
  screenshots: TemplateScreenshot[];
  demoUrl: string | null;
  minWordPressVersion: string;
  /** Sites built from the template; kept by the site workers through `TemplateDao.adjustUsage`. */
  usageCount: number;
  clonedFromTemplateId: string | null;
  publishedAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

export const PLUGIN_CATEGORIES = ['SEO', 'SECURITY', 'PERFORMANCE', 'FORMS', 'ECOMMERCE', 'OTHER'] as const;
export type PluginCategory = (typeof PLUGIN_CATEGORIES)[number];

export const PLUGIN_PRICINGS = ['FREE', 'PREMIUM'] as const;
export type PluginPricing = (typeof PLUGIN_PRICINGS)[number];

/** CVSS v3 qualitative rating (Wordfence's `cvss.rating`). */
export const VULNERABILITY_SEVERITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type VulnerabilitySeverity = (typeof VULNERABILITY_SEVERITIES)[number];

export interface PluginVulnerability {
  /** The feed's id (Wordfence: a UUID). */
  id: string;
  title: string;
  severity: VulnerabilitySeverity;
  cvssScore: number | null;
  cve: string | null;
  /** The lowest patched version above the affected one, null when no fix exists. */
  fixedIn: string | null;
  source: 'WORDFENCE' | 'MANUAL';
}

export interface PluginVersion {
  version: string;
  packageArtifact: PackageArtifact;
  /** The package's `Requires at least` header. */
  minWordPressVersion: string | null;
  /** The package's `Requires PHP` header. */
  requiresPhp: string | null;
  vulnerabilities: PluginVulnerability[];
  addedAt: string;
  addedBy: string;
}

/** API.md § Plugins catalogue. Versions are kept newest first. */
export interface CataloguePlugin {
  pluginId: string;
  /** wordpress.org-style slug = the package's top folder. */
  wpSlug: string;
  /** Core's plugin id: `folder/main-file` without `.php`. */
  pluginFile: string;
  name: string;
  description: string;
  category: PluginCategory;
  pricing: PluginPricing;
  /** Shown in the public catalogue only while approved and not blocklisted. */
  isApproved: boolean;
  isBlocklisted: boolean;
  blocklistReason: string | null;
  blocklistedAt: string | null;
  blocklistedBy: string | null;
  latestVersion: string | null;
  versions: PluginVersion[];
  /** Catalogue plugin ids this one cannot be installed next to (kept symmetric by the service). */
  conflictsWith: string[];
  /** Sites with the plugin installed; kept by the site workers through `CataloguePluginDao.adjustInstallCount`. */
  installCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

/** Why `checkInstallable` refuses a plugin (API.md's 422/409 codes). */
export type InstallRefusal =
  | { ok: false; reason: 'PLUGIN_NOT_FOUND'; pluginId: string }
  | { ok: false; reason: 'VERSION_NOT_FOUND'; pluginId: string; version: string }
  | { ok: false; reason: 'NOT_APPROVED'; pluginId: string }
  | { ok: false; reason: 'BLOCKLISTED'; pluginId: string; blocklistReason: string | null }
  | {
      ok: false;
      reason: 'VULNERABLE';
      pluginId: string;
      version: string;
      vulnerabilityIds: string[];
      /** The lowest catalogue version without known vulnerabilities above this one, if any. */
      safeVersion: string | null;
    }
  | {
      ok: false;
      reason: 'INCOMPATIBLE_WORDPRESS';
      pluginId: string;
      version: string;
      minWordPressVersion: string;
      wordpressVersion: string;
    }
  | { ok: false; reason: 'CONFLICT'; pluginId: string; conflictingPluginId: string };

export type InstallCheck =
  | { ok: true; pluginId: string; version: string; packageArtifact: PackageArtifact; pluginFile: string }
  | InstallRefusal;

export interface InstallCheckRequest {
  pluginId: string;
  /** Default: the latest catalogue version. */
  version?: string;
  wordpressVersion: string;
  /** Catalogue plugin ids already installed on the site. */
  installed: string[];
}
