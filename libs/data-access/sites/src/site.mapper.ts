import { readItem, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import type { Site } from './site.entity';
import { siteKeys } from './site.keys';

export const SITE_SCHEMA_VERSION = 1;

/** A site as stored: the entity plus keys and index attributes. */
export interface SiteItem extends VersionedItemBase, Site {
  entityType: 'SITE';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  GSI3PK: string;
  GSI3SK: string;
}

/** The subdomain guard names the site holding it. */
export interface SubdomainGuardItem {
  PK: string;
  SK: string;
  entityType: 'SUBDOMAIN_GUARD';
  schemaVersion: number;
  subdomain: string;
  tenantId: string;
  siteId: string;
  createdAt: string;
  updatedAt: string;
}

/** The tenant's live sites in one environment (`count`), kept in the site's create and delete transactions. */
export interface SiteCountItem {
  PK: string;
  SK: string;
  entityType: 'SITE_COUNT';
  schemaVersion: number;
  tenantId: string;
  environment: string;
  count: number;
  createdAt: string;
  updatedAt: string;
}

/** The index attributes that follow the site's id, instance, status and last change. */
export function siteIndexAttributes(
  site: Pick<Site, 'siteId' | 'instanceId' | 'environment' | 'status' | 'updatedAt'>,
) {
  return {
    GSI1PK: siteKeys.byId(site.siteId),
    GSI1SK: siteKeys.byIdSort,
    GSI2PK: siteKeys.fleet(site.environment, site.status),
    GSI2SK: siteKeys.fleetSort(site.updatedAt, site.siteId),
    GSI3PK: siteKeys.byInstance(site.instanceId),
    GSI3SK: siteKeys.byInstanceSort(site.siteId),
  };
}

export function toSiteItem(site: Site): SiteItem {
  return {
    ...siteKeys.site(site.tenantId, site.siteId),
    ...siteIndexAttributes(site),
    entityType: 'SITE',
    schemaVersion: SITE_SCHEMA_VERSION,
    ...site,
  };
}

export function toSubdomainGuardItem(site: Site): SubdomainGuardItem {
  return {
    ...siteKeys.subdomainGuard(site.subdomain),
    entityType: 'SUBDOMAIN_GUARD',
    schemaVersion: 1,
    subdomain: site.subdomain,
    tenantId: site.tenantId,
    siteId: site.siteId,
    createdAt: site.createdAt,
    updatedAt: site.createdAt,
  };
}

export function fromSiteItem(stored: StoredItem): Site {
  const item = readItem<SiteItem>(stored);
  return {
    siteId: item.siteId,
    tenantId: item.tenantId,
    instanceId: item.instanceId,
    siteName: item.siteName,
    subdomain: item.subdomain,
    siteUrl: item.siteUrl,
    environment: item.environment,
    status: item.status,
    templateId: item.templateId ?? null,
    wordpressVersion: item.wordpressVersion,
    phpVersion: item.phpVersion,
    healthStatus: item.healthStatus ?? 'UNKNOWN',
    wpSiteId: item.wpSiteId ?? null,
    promotedFromSiteId: item.promotedFromSiteId ?? null,
    ownerId: item.ownerId,
    configuration: item.configuration ?? {},
    lastError: item.lastError ?? null,
    purgeAfter: item.purgeAfter ?? null,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
