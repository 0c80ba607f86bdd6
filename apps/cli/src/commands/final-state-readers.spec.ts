import { createBbwsClient, type Operation } from '@bbws/sdk';
import { finalInstance } from './instances/instance-resource';
import { finalBackup, finalSite } from './sites/site-resource';

/** A client whose every GET answers `{ read: <path> }`, so a reader's result names the URL it read. */
const client = createBbwsClient({
  baseUrl: 'http://bbws.test',
  fetch: async (input) => Response.json({ read: new URL((input as Request).url).pathname }),
});

const completed = (overrides: Partial<Operation>): Operation => ({
  operationId: 'op-1',
  tenantId: 'tenant-1',
  type: 'SITE_CREATION',
  status: 'COMPLETED',
  resourceType: 'site',
  resourceId: 'site-1',
  progress: 100,
  currentStep: null,
  steps: [],
  message: null,
  error: null,
  result: null,
  attempts: 1,
  createdBy: 'user-1',
  createdAt: '2026-12-03T00:00:00.000Z',
  startedAt: null,
  completedAt: null,
  _links: {},
  ...overrides,
});

describe('what --wait reads once the operation completed', () => {
  it("reads the created site from result.siteId, else the operation's resource (a clone's new site)", async () => {
    const reader = finalSite(client, 'tenant-1');
    expect(await reader.read(completed({ result: { siteId: 'site-new', siteUrl: 'http://x' } }))).toEqual({
      read: '/v1.0/tenants/tenant-1/sites/site-new',
    });
    expect(await reader.read(completed({ type: 'SITE_UPDATE', result: null }))).toEqual({
      read: '/v1.0/tenants/tenant-1/sites/site-1',
    });
    expect(reader.fields[0]?.header).toBe('siteId');
  });

  it("reads a promotion's target site from result.targetSiteId", async () => {
    const reader = finalSite(client, 'tenant-1', 'targetSiteId');
    const promotion = completed({
      type: 'SITE_PROMOTION',
      result: { targetSiteId: 'site-sit', backupId: 'b' },
    });
    expect(await reader.read(promotion)).toEqual({ read: '/v1.0/tenants/tenant-1/sites/site-sit' });
  });

  it('finds the backup the BACKUP operation made among the listed backups', async () => {
    const backups = createBbwsClient({
      baseUrl: 'http://bbws.test',
      fetch: async () =>
        Response.json({
          items: [
            { backupId: 'bkp-2', operationId: 'op-2' },
            { backupId: 'bkp-1', operationId: 'op-1' },
          ],
          count: 2,
          moreAvailable: false,
          nextStartAt: null,
        }),
    });
    const reader = finalBackup(backups, 'tenant-1', 'site-1');
    expect(await reader.read(completed({ type: 'BACKUP', operationId: 'op-1' }))).toMatchObject({
      backupId: 'bkp-1',
    });
    await expect(reader.read(completed({ type: 'BACKUP', operationId: 'op-3' }))).rejects.toThrow(
      'no backup of operation op-3 listed',
    );
    expect(reader.fields[0]?.header).toBe('backupId');
  });

  it('reads the instance the operation ran on', async () => {
    const reader = finalInstance(client, 'tenant-1');
    expect(await reader.read(completed({ resourceType: 'instance', resourceId: 'inst-7' }))).toEqual({
      read: '/v1.0/tenants/tenant-1/instances/inst-7',
    });
    expect(reader.fields[0]?.header).toBe('instanceId');
  });
});
