import {
  extraWrites,
  putNew,
  readItem,
  storedVersion,
  versionedUpdate,
  type ExtraWrites,
  type TransactionEntry,
  type TransactItem,
} from '@bbws/data-access-dynamo';
import {
  AlreadyExistsError,
  ConcurrentChangeError,
  ItemMissingError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { SITE_STATUSES, type Site, type SiteConfiguration, type SiteStatus } from './site.entity';
import { QuotaExceededError, SiteStatusChangedError, SubdomainTakenError } from './site.errors';
import { siteKeys } from './site.keys';
import {
  siteIndexAttributes,
  toSiteItem,
  toSubdomainGuardItem,
  type SiteCountItem,
  type SiteItem,
} from './site.mapper';

/** Every status but DELETED: the statuses a change starts from unless it names its own. */
const SITE_LIVE_STATUSES: readonly SiteStatus[] = SITE_STATUSES.filter((status) => status !== 'DELETED');

/** What a change may set; `configuration` is merged into the current one. DELETED only through `markDeleted`. */
export type SiteChanges = Partial<
  Pick<
    Site,
    | 'siteName'
    | 'templateId'
    | 'wordpressVersion'
    | 'phpVersion'
    | 'healthStatus'
    | 'wpSiteId'
    | 'promotedFromSiteId'
    | 'ownerId'
    | 'lastError'
    | 'purgeAfter'
  >
> & { status?: Exclude<SiteStatus, 'DELETED'>; configuration?: Partial<SiteConfiguration> };

/**
 * What a deleted site does with its subdomain's guard: frees it (`release`, the guard naming this site or
 * gone), hands it to another live site of the same promotion lineage that keeps using the subdomain in
 * another environment (`handOverTo`), or leaves it to the lineage site that holds it (`keep`).
 */
export type SubdomainGuardRelease = { release: true } | { handOverTo: string } | { keep: true };

/** A conditional change: at `expectedVersion`, in one of `expectedStatuses` (default: any but DELETED). */
export interface SiteChange {
  expectedVersion: number;
  expectedStatuses?: readonly SiteStatus[];
  changes: SiteChanges;
}

/** The site after `change`, as the write stores it. */
export function applySiteChange(current: Site, change: SiteChange, now: string): Site {
  const { configuration, ...rest } = change.changes;
  return {
    ...current,
    ...rest,
    configuration: { ...current.configuration, ...configuration },
    updatedAt: now,
    version: change.expectedVersion + 1,
  };
}

/** Builds the items of the sites table's site transactions; failures map to the store's domain errors. */
export class SiteWrites {
  constructor(readonly table: string) {}

  /** The new site, its subdomain guard and its slot in the tenant-environment count (below `quota`). */
  create(site: Site, quota: number): TransactionEntry[] {
    return [
      [putNew(this.table, toSiteItem(site)), () => new AlreadyExistsError('SITE', site.siteId)],
      [putNew(this.table, toSubdomainGuardItem(site)), () => new SubdomainTakenError(site.subdomain)],
      this.countSlot(site, quota),
    ];
  }

  /**
   * A promotion's target site in the next environment: it shares the subdomain of the site it was
   * promoted from, so instead of a new guard the tenant must hold that subdomain's guard already.
   */
  createPromotionTarget(site: Site, quota: number): TransactionEntry[] {
    return [
      [putNew(this.table, toSiteItem(site)), () => new AlreadyExistsError('SITE', site.siteId)],
      [
        {
          ConditionCheck: {
            TableName: this.table,
            Key: siteKeys.subdomainGuard(site.subdomain),
            ConditionExpression: 'tenantId = :tenantId',
            ExpressionAttributeValues: { ':tenantId': site.tenantId },
          },
        },
        () => new SubdomainTakenError(site.subdomain),
      ],
      this.countSlot(site, quota),
    ];
  }

  private countSlot(site: Site, quota: number): TransactionEntry {
    return [
      {
        Update: {
          TableName: this.table,
          Key: siteKeys.siteCount(site.tenantId, site.environment),
          UpdateExpression:
            'SET #type = :type, #schema = :schema, #tenant = :tenant, #env = :env, ' +
            '#created = if_not_exists(#created, :now), #updated = :now ADD #count :one',
          ConditionExpression: '(attribute_not_exists(#count) AND :zero < :quota) OR #count < :quota',
          ExpressionAttributeNames: {
            '#type': 'entityType',
            '#schema': 'schemaVersion',
            '#tenant': 'tenantId',
            '#env': 'environment',
            '#created': 'createdAt',
            '#updated': 'updatedAt',
            '#count': 'count',
          },
          ExpressionAttributeValues: {
            ':type': 'SITE_COUNT' satisfies SiteCountItem['entityType'],
            ':schema': 1,
            ':tenant': site.tenantId,
            ':env': site.environment,
            ':now': site.createdAt,
            ':one': 1,
            ':zero': 0,
            ':quota': quota,
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      (old) => new QuotaExceededError(site.environment, quota, old ? readItem<SiteCountItem>(old).count : 0),
    ];
  }

  /** A conditional update of `current` (see {@link SiteChange}). */
  change(current: Site, change: SiteChange, now: string): TransactionEntry {
    const next = applySiteChange(current, change, now);
    const { configuration, ...rest } = change.changes;
    return this.update(current, change.expectedVersion, change.expectedStatuses ?? SITE_LIVE_STATUSES, {
      ...rest,
      ...(configuration ? { configuration: next.configuration } : {}),
      ...siteIndexAttributes(next),
      updatedAt: now,
    });
  }

  /**
   * DELETED (terminal; the record is kept), the subdomain freed and the tenant-environment count
   * decremented. The count cannot go below 0: a site that is not DELETED was counted when created.
   */
  markDeleted(
    current: Site,
    expectedVersion: number,
    now: string,
    guard: SubdomainGuardRelease = { release: true },
  ): TransactionEntry[] {
    const deleted = { ...current, status: 'DELETED' as const, updatedAt: now };
    return [
      this.update(current, expectedVersion, SITE_LIVE_STATUSES, {
        status: 'DELETED',
        ...siteIndexAttributes(deleted),
        updatedAt: now,
      }),
      ...this.guardRelease(current, now, guard),
      [
        {
          Update: {
            TableName: this.table,
            Key: siteKeys.siteCount(current.tenantId, current.environment),
            UpdateExpression: 'SET #updated = :now ADD #count :minusOne',
            ConditionExpression: '#count > :zero',
            ExpressionAttributeNames: { '#count': 'count', '#updated': 'updatedAt' },
            ExpressionAttributeValues: { ':now': now, ':minusOne': -1, ':zero': 0 },
          },
        },
        () => new ConcurrentChangeError(),
      ],
    ];
  }

  private guardRelease(current: Site, now: string, guard: SubdomainGuardRelease): TransactionEntry[] {
    if ('keep' in guard) return [];
    const key = siteKeys.subdomainGuard(current.subdomain);
    if ('handOverTo' in guard)
      return [
        [
          {
            Update: {
              TableName: this.table,
              Key: key,
              UpdateExpression: 'SET siteId = :to, updatedAt = :now',
              ConditionExpression: 'siteId = :siteId',
              ExpressionAttributeValues: { ':to': guard.handOverTo, ':siteId': current.siteId, ':now': now },
            },
          },
          () => new ConcurrentChangeError(),
        ],
      ];
    return [
      [
        {
          Delete: {
            TableName: this.table,
            Key: key,
            ConditionExpression: 'attribute_not_exists(PK) OR siteId = :siteId',
            ExpressionAttributeValues: { ':siteId': current.siteId },
          },
        },
        () => new ConcurrentChangeError(),
      ],
    ];
  }

  private update(
    current: Site,
    expectedVersion: number,
    statuses: readonly SiteStatus[],
    set: Record<string, unknown>,
  ): TransactionEntry {
    const values = Object.fromEntries(statuses.map((status, i) => [`:s${i}`, status]));
    return [
      versionedUpdate({
        tableName: this.table,
        key: siteKeys.site(current.tenantId, current.siteId),
        set,
        expectedVersion,
        condition: {
          expression: `#status IN (${Object.keys(values).join(', ')})`,
          names: { '#status': 'status' },
          values,
        },
      }),
      (old) => {
        if (!old) return new ItemMissingError('SITE', current.siteId);
        const stored = readItem<SiteItem>(old);
        if (stored.version !== expectedVersion)
          return new VersionConflictError(expectedVersion, storedVersion(old));
        return new SiteStatusChangedError(stored.status, statuses);
      },
    ];
  }
}

const concurrentChange = () => new ConcurrentChangeError();

/** Entries as writes another store's transaction commits (the operation launcher, the operation runner). */
export function asExtraWrites(entries: readonly TransactionEntry[]): ExtraWrites {
  const items: TransactItem[] = entries.map(([item]) => item);
  return extraWrites(items, ({ index, item }) => (entries[index][1] ?? concurrentChange)(item));
}
