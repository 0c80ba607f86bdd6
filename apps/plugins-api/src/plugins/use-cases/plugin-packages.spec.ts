import type { ArtifactStore } from '@bbws/integrations-artifacts';
import {
  UPLOAD_KINDS,
  type PackageInspector,
  type PluginPackageInfo,
  type UploadSlots,
} from '@bbws/integrations-packages';
import { fakePort } from '@bbws/testing-factories';
import { newId } from '@bbws/shared-util';
import { PluginPackages } from './plugin-packages';

const uploadId = newId('upl');

function packages(info: Partial<PluginPackageInfo>) {
  const inspected: Array<{ key: string; maxBytes: number }> = [];
  const copies: Array<[string, string]> = [];
  const inspector = fakePort<PackageInspector>({
    inspectPlugin: async (key, options) => {
      inspected.push({ key, maxBytes: options.maxBytes });
      return {
        key,
        sha256: 'f'.repeat(64),
        size: 1234,
        slug: 'akismet',
        pluginFile: 'akismet/akismet',
        name: 'Akismet',
        description: null,
        version: '5.3',
        requiresAtLeast: '6.4',
        requiresPhp: '7.2',
        ...info,
      };
    },
  });
  const store = fakePort<ArtifactStore>({ copy: async (from, to) => void copies.push([from, to]) });
  const uploads = fakePort<UploadSlots>({ keyOf: (id: string) => `uploads/${id}` });
  return { subject: new PluginPackages(inspector, store, uploads), inspected, copies };
}

describe('PluginPackages', () => {
  it('inspects the upload within the package size limit and takes the version from the header', async () => {
    const { subject, inspected } = packages({});
    expect(await subject.check('akismet', { uploadId })).toMatchObject({ uploadId, version: '5.3' });
    expect(inspected).toEqual([
      { key: `uploads/${uploadId}`, maxBytes: UPLOAD_KINDS.PLUGIN_PACKAGE.maxBytes },
    ]);
  });

  it.each([
    ['SLUG_MISMATCH', {}, 'other-slug', undefined],
    ['VERSION_MISMATCH', {}, 'akismet', '5.4'],
    ['VERSION_MISMATCH', { version: null }, 'akismet', '5.4'],
    ['NO_VERSION', { version: null }, 'akismet', undefined],
    ['INVALID_VERSION', { version: 'five' }, 'akismet', undefined],
  ] as const)('refuses with 422 INVALID_PACKAGE %s', async (problem, info, wpSlug, version) => {
    const { subject } = packages(info);
    await expect(subject.check(wpSlug, { uploadId, version })).rejects.toMatchObject({
      status: 422,
      code: 'INVALID_PACKAGE',
      details: expect.objectContaining({ problem }),
    });
  });

  it('copies an accepted package to its catalogue key and describes the version from its headers', async () => {
    const { subject, copies } = packages({});
    const checked = await subject.check('akismet', { uploadId, version: '5.3' });
    const now = new Date('2026-02-03T04:05:06.000Z');
    expect(await subject.store('akismet', checked, 'usr-admin', now)).toEqual({
      version: '5.3',
      packageArtifact: {
        key: `packages/plugins/akismet/5.3/${'f'.repeat(64)}.zip`,
        sha256: 'f'.repeat(64),
        size: 1234,
      },
      minWordPressVersion: '6.4',
      requiresPhp: '7.2',
      vulnerabilities: [],
      addedAt: now.toISOString(),
      addedBy: 'usr-admin',
    });
    expect(copies).toEqual([[`uploads/${uploadId}`, `packages/plugins/akismet/5.3/${'f'.repeat(64)}.zip`]]);
  });
});
