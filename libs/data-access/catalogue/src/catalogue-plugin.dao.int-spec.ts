import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ItemMissingError, LimitReachedError, VersionConflictError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { randomUUID } from 'node:crypto';
import { buildCataloguePlugin, buildPluginVersion as buildVersion } from '@bbws/testing-factories';
import type { CataloguePlugin } from './catalogue.entity';
import { CataloguePluginDao } from './catalogue-plugin.dao';
import { PluginExistsError } from './catalogue-plugin.errors';
import { cataloguePluginKeys } from './catalogue-plugin.keys';
import { MAX_PLUGIN_VERSIONS } from './catalogue-plugin.writes';

const db = testDynamoContext();
const dao = new CataloguePluginDao(db);

async function raw(key: { PK: string; SK: string }) {
  return (await db.client.send(new GetCommand({ TableName: db.tables.sites, Key: key }))).Item;
}

describe('CataloguePluginDao against DynamoDB Local', () => {
  it('stores a plugin with its index keys and wpSlug guard, and reads it by id, ids and slug', async () => {
    const plugin = buildCataloguePlugin({ name: '  Yoast   SEO ' });
    await dao.create(plugin);
    expect(await dao.get(plugin.pluginId)).toEqual(plugin);
    expect(await dao.findBySlug(plugin.wpSlug)).toEqual(plugin);
    expect(await dao.findBySlug('no-such-slug')).toBeNull();
    expect(await raw(cataloguePluginKeys.plugin(plugin.pluginId))).toMatchObject({
      entityType: 'CATALOGUE_PLUGIN',
      GSI1PK: 'PLUGINS#SEO',
      GSI1SK: `yoast seo#${plugin.pluginId}`,
      GSI2PK: `WPSLUG#${plugin.wpSlug}`,
      GSI2SK: 'PLUGIN',
      GSI3PK: 'PLUGINS',
      listed: true,
    });
    expect(await raw(cataloguePluginKeys.slugGuard(plugin.wpSlug))).toMatchObject({
      pluginId: plugin.pluginId,
    });

    const other = buildCataloguePlugin();
    await dao.create(other);
    const many = await dao.getMany([other.pluginId, newId('plg'), plugin.pluginId, other.pluginId]);
    expect(many.map((p) => p.pluginId)).toEqual([other.pluginId, plugin.pluginId]);
    expect(await dao.getMany([])).toEqual([]);
  });

  it('refuses a second plugin with the same wpSlug, writing nothing', async () => {
    const first = buildCataloguePlugin();
    await dao.create(first);
    const clash = buildCataloguePlugin({ wpSlug: first.wpSlug });
    await expect(dao.create(clash)).rejects.toEqual(new PluginExistsError(first.wpSlug, first.pluginId));
    expect(await dao.get(clash.pluginId)).toBeNull();
  });

  it('creates a plugin together with the other side of its conflicts, all or nothing', async () => {
    const other = buildCataloguePlugin();
    await dao.create(other);
    const plugin = buildCataloguePlugin({ conflictsWith: [other.pluginId] });
    await expect(
      dao.create(plugin, [{ plugin: { ...other, conflictsWith: [plugin.pluginId] }, expectedVersion: 7 }]),
    ).rejects.toEqual(new VersionConflictError(7, 1));
    expect(await dao.get(plugin.pluginId)).toBeNull();
    await dao.create(plugin, [
      { plugin: { ...other, conflictsWith: [plugin.pluginId] }, expectedVersion: 1 },
    ]);
    expect(await dao.get(other.pluginId)).toMatchObject({ conflictsWith: [plugin.pluginId], version: 2 });
    expect(await dao.get(plugin.pluginId)).toEqual(plugin);
  });

  it('refuses more than the versions an item can hold', async () => {
    const versions = Array.from({ length: MAX_PLUGIN_VERSIONS + 1 }, (_, i) => buildVersion(`1.${i}`));
    const plugin = buildCataloguePlugin({ versions });
    await expect(dao.create(plugin)).rejects.toBeInstanceOf(LimitReachedError);
    expect(await dao.get(plugin.pluginId)).toBeNull();
  });

  it('replaces at the expected version, keeping the install count and moving the index keys', async () => {
    const plugin = buildCataloguePlugin();
    await dao.create(plugin);
    await dao.adjustInstallCount(plugin.pluginId, 3);
    const written = await dao.replace({ ...plugin, name: 'Renamed', category: 'FORMS' }, 1);
    expect(written).toMatchObject({ name: 'Renamed', category: 'FORMS', version: 2 });
    const stored = await dao.get(plugin.pluginId);
    expect(stored).toEqual({ ...written, installCount: 3 });
    expect(await raw(cataloguePluginKeys.plugin(plugin.pluginId))).toMatchObject({
      GSI1PK: 'PLUGINS#FORMS',
      GSI1SK: `renamed#${plugin.pluginId}`,
    });
    await expect(dao.replace({ ...plugin, name: 'Stale' }, 1)).rejects.toEqual(
      new VersionConflictError(1, 2),
    );
    await expect(dao.replace(buildCataloguePlugin(), 1)).rejects.toBeInstanceOf(ItemMissingError);
    expect((await dao.get(plugin.pluginId))?.name).toBe('Renamed');
  });

  it('replaces several plugins in one transaction, all or nothing', async () => {
    const a = buildCataloguePlugin();
    const b = buildCataloguePlugin();
    await dao.create(a);
    await dao.create(b);
    const [writtenA, writtenB] = await dao.replaceMany([
      { plugin: { ...a, conflictsWith: [b.pluginId] }, expectedVersion: 1 },
      { plugin: { ...b, conflictsWith: [a.pluginId] }, expectedVersion: 1 },
    ]);
    expect(writtenA.conflictsWith).toEqual([b.pluginId]);
    expect((await dao.get(b.pluginId))?.conflictsWith).toEqual([a.pluginId]);
    await expect(
      dao.replaceMany([
        { plugin: { ...writtenA, conflictsWith: [] }, expectedVersion: 2 },
        { plugin: { ...writtenB, conflictsWith: [] }, expectedVersion: 1 },
      ]),
    ).rejects.toEqual(new VersionConflictError(1, 2));
    expect((await dao.get(a.pluginId))?.conflictsWith).toEqual([b.pluginId]);
  });

  it('adjusts the install count atomically without going below zero or bumping the version', async () => {
    const plugin = buildCataloguePlugin();
    await dao.create(plugin);
    await Promise.all([1, 2, 3, 4].map(() => dao.adjustInstallCount(plugin.pluginId, 1)));
    expect(await dao.adjustInstallCount(plugin.pluginId, -1)).toBe(3);
    expect(await dao.adjustInstallCount(plugin.pluginId, -5)).toBe(0);
    expect(await dao.get(plugin.pluginId)).toMatchObject({ installCount: 0, version: 1 });
    await expect(dao.adjustInstallCount(newId('plg'), 1)).rejects.toBeInstanceOf(ItemMissingError);
    await expect(dao.adjustInstallCount(newId('plg'), -1)).rejects.toBeInstanceOf(ItemMissingError);
  });

  it('lists by name with filters, filling filtered pages across queries', async () => {
    const token = randomUUID().slice(0, 8);
    const make = (name: string, overrides: Partial<CataloguePlugin> = {}) =>
      buildCataloguePlugin({ name: `${token} ${name}`, description: `About ${token}`, ...overrides });
    const plugins = [
      make('Alpha'),
      make('bravo', { isApproved: false }),
      make('Charlie', { pricing: 'PREMIUM', category: 'FORMS' }),
      make('Delta', { isBlocklisted: true, blocklistReason: 'bad' }),
      make('Echo'),
      make('Foxtrot', { category: 'FORMS' }),
    ];
    for (const plugin of plugins) await dao.create(plugin);
    const names = (page: { items: CataloguePlugin[] }) => page.items.map((p) => p.name.slice(9));

    const all = await dao.list({ search: token.toUpperCase(), listedOnly: false }, { pageSize: 10 });
    expect(names(all)).toEqual(['Alpha', 'bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot']);

    const first = await dao.list({ search: token, listedOnly: true }, { pageSize: 2 });
    expect(names(first)).toEqual(['Alpha', 'Charlie']);
    const second = await dao.list(
      { search: token, listedOnly: true },
      { pageSize: 2, startAt: first.nextStartAt ?? undefined },
    );
    expect(names(second)).toEqual(['Echo', 'Foxtrot']);

    const forms = await dao.list({ search: token, listedOnly: true, category: 'FORMS' }, { pageSize: 10 });
    expect(names(forms)).toEqual(['Charlie', 'Foxtrot']);
    const premium = await dao.list(
      { search: token, listedOnly: false, pricing: 'PREMIUM' },
      { pageSize: 10 },
    );
    expect(names(premium)).toEqual(['Charlie']);
    const blocked = await dao.list({ search: token, listedOnly: false, blocklisted: true }, { pageSize: 10 });
    expect(names(blocked)).toEqual(['Delta']);
    await expect(
      dao.list(
        { search: 'other', listedOnly: true },
        { pageSize: 2, startAt: first.nextStartAt ?? undefined },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('pages through every plugin for whole-catalogue jobs', async () => {
    const plugin = buildCataloguePlugin();
    await dao.create(plugin);
    const seen: string[] = [];
    let startAt: string | undefined;
    do {
      const page = await dao.listAll({ pageSize: 25, startAt });
      seen.push(...page.items.map((p) => p.pluginId));
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    expect(seen).toContain(plugin.pluginId);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
