import { randomUUID } from 'node:crypto';
import { zipPackage } from '@bbws/testing-wordpress-fixtures';
import { PNG_BYTES, TemplatesFixture, sha256, templateBody } from './templates-api.fixture';

/** A theme zip whose top folder (the stylesheet) is `folder`. */
function themeZip(folder: string, version = '1.0.0') {
  return zipPackage(`${folder}.zip`, {
    [`${folder}/style.css`]: `/*\nTheme Name: ${folder}\nVersion: ${version}\nRequires at least: 6.1\n*/\nbody {}\n`,
    [`${folder}/index.php`]: '<?php\n',
  });
}

describe('template packages and screenshots through presigned uploads', () => {
  let fx: TemplatesFixture;
  beforeAll(async () => {
    fx = await TemplatesFixture.start();
  });
  afterAll(() => fx?.close());

  const slugOf = () => `bbws-theme-${randomUUID().slice(0, 8)}`;

  it('accepts a theme package uploaded to the presigned URL, keeping it by its sha256 and dropping the upload', async () => {
    const slug = slugOf();
    const zip = themeZip(slug);
    const uploadId = await fx.upload('THEME_PACKAGE', 'application/zip', zip.bytes);
    const response = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ theme: { slug, packageUploadId: uploadId } }),
    );
    expect(response.status).toBe(201);
    const key = `packages/themes/${slug}/${sha256(zip.bytes)}.zip`;
    expect(response.body.theme).toEqual({
      slug,
      packageArtifact: { key, sha256: sha256(zip.bytes), size: zip.bytes.length },
    });
    const stored = await fx.store.get(key);
    const bytes = Buffer.concat(await stored.body.toArray());
    expect(sha256(bytes)).toBe(sha256(zip.bytes));
    expect(await fx.keysUnder(`packages/themes/${slug}/`)).toEqual([key]);
    expect(await fx.store.head(`uploads/${uploadId}`)).toBeUndefined();

    // A PATCH naming the same slug without a new package keeps the package; another slug drops it.
    const url = `/v1.0/admin/templates/${response.body.templateId}`;
    const kept = await fx.call('PATCH', url, fx.admin.token, { theme: { slug } });
    expect(kept.body.theme.packageArtifact.key).toBe(key);
    const core = await fx.call('PATCH', url, fx.admin.token, { theme: { slug: 'twentytwentytwo' } });
    expect(core.body.theme).toEqual({ slug: 'twentytwentytwo', packageArtifact: null });
    // A new package on update is inspected and kept the same way.
    const next = themeZip(slug, '1.1.0');
    expect(next.sha256).not.toBe(zip.sha256);
    const nextUpload = await fx.upload('THEME_PACKAGE', 'application/zip', next.bytes);
    const replaced = await fx.call('PATCH', url, fx.admin.token, {
      theme: { slug, packageUploadId: nextUpload },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.theme.packageArtifact).toEqual({
      key: `packages/themes/${slug}/${sha256(next.bytes)}.zip`,
      sha256: sha256(next.bytes),
      size: next.bytes.length,
    });
  });

  it('rejects a broken zip and a package of another theme with 422, storing nothing', async () => {
    const slug = slugOf();
    const name = `Rejected ${randomUUID()}`;
    const broken = await fx.upload(
      'THEME_PACKAGE',
      'application/zip',
      Buffer.from('PK\u0003\u0004 not really a zip'),
    );
    const notZip = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ name, theme: { slug, packageUploadId: broken } }),
    );
    expect(notZip.status).toBe(422);
    expect(notZip.body.error).toMatchObject({ code: 'INVALID_PACKAGE', details: { problem: 'NOT_A_ZIP' } });

    const other = await fx.upload('THEME_PACKAGE', 'application/zip', themeZip(`${slug}-other`).bytes);
    const mismatch = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ name, theme: { slug, packageUploadId: other } }),
    );
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error).toMatchObject({
      code: 'INVALID_PACKAGE',
      details: { problem: 'THEME_MISMATCH', expected: slug, found: `${slug}-other` },
    });

    const never = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ name, theme: { slug, packageUploadId: `upl-${randomUUID()}` } }),
    );
    expect(never.status).toBe(422);
    expect(never.body.error.details.problem).toBe('UPLOAD_NOT_FOUND');

    expect(await fx.keysUnder(`packages/themes/${slug}/`)).toEqual([]);
    const list = await fx.call('GET', `/v1.0/admin/templates?search=${encodeURIComponent(name)}`);
    expect(list.body.items).toEqual([]);
  });

  it('refuses an upload slot for a content type the kind does not take', async () => {
    const response = await fx.call('POST', '/v1.0/admin/templates/uploads', fx.admin.token, {
      kind: 'SCREENSHOT',
      contentType: 'image/svg+xml',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].field).toBe('contentType');
    const slot = await fx.call('POST', '/v1.0/admin/templates/uploads', fx.admin.token, {
      kind: 'theme_package',
      contentType: 'application/zip',
    });
    expect(slot.status).toBe(201);
    expect(slot.body).toMatchObject({ kind: 'THEME_PACKAGE', method: 'PUT', maxBytes: 50 * 1024 * 1024 });
    expect(slot.body.uploadId).toMatch(/^upl-/);
  });

  it('keeps screenshots by sha256 and previews the first through a presigned URL that downloads the same bytes', async () => {
    const uploadId = await fx.upload('SCREENSHOT', 'image/png', PNG_BYTES);
    const template = await fx.published({ screenshotUploadIds: [uploadId] });
    const key = `packages/screenshots/${sha256(PNG_BYTES)}.png`;
    expect(template.screenshots).toEqual([
      { key, sha256: sha256(PNG_BYTES), size: PNG_BYTES.length, contentType: 'image/png' },
    ]);
    const read = await fx.call('GET', `/v1.0/templates/${template.templateId}`, fx.customer.token);
    expect(read.body._links.preview).toEqual({ href: `/v1.0/templates/${template.templateId}/preview` });

    const preview = await fx.call('GET', `/v1.0/templates/${template.templateId}/preview`, fx.customer.token);
    expect(preview.status).toBe(200);
    const expiresIn = Date.parse(preview.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60 * 1000);
    const download = await fetch(preview.body.previewUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
  });

  it('refuses a screenshot that is not a PNG, JPEG or WebP image, and previews nothing without one', async () => {
    const fake = await fx.upload(
      'SCREENSHOT',
      'image/png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    const refused = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ screenshotUploadIds: [fake] }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'INVALID_SCREENSHOT',
      details: { problem: 'NOT_AN_IMAGE', uploadId: fake },
    });
    const huge = await fx.upload(
      'SCREENSHOT',
      'image/png',
      Buffer.concat([PNG_BYTES, Buffer.alloc(5 * 1024 * 1024)]),
    );
    const tooLarge = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ screenshotUploadIds: [huge] }),
    );
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.error.details).toEqual({ problem: 'TOO_LARGE', uploadId: huge });
    const malformed = await fx.call(
      'POST',
      '/v1.0/admin/templates',
      fx.admin.token,
      templateBody({ screenshotUploadIds: ['upl-1'] }),
    );
    expect(malformed.status).toBe(400);

    const bare = await fx.published();
    const none = await fx.call('GET', `/v1.0/templates/${bare.templateId}/preview`, fx.customer.token);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('TEMPLATE_PREVIEW_NOT_FOUND');
    const draft = await fx.create();
    expect(
      (await fx.call('GET', `/v1.0/templates/${draft.templateId}/preview`, fx.customer.token)).status,
    ).toBe(404);
  });

  it('clones share the source’s packages', async () => {
    const slug = slugOf();
    const zip = themeZip(slug);
    const uploadId = await fx.upload('THEME_PACKAGE', 'application/zip', zip.bytes);
    const source = await fx.create({ theme: { slug, packageUploadId: uploadId } });
    const clone = await fx.call(
      'POST',
      `/v1.0/admin/templates/${source.templateId}/clone`,
      fx.admin.token,
      {},
    );
    expect(clone.body.theme).toEqual(source.theme);
    expect(await fx.store.head(source.theme.packageArtifact!.key)).toMatchObject({ size: zip.bytes.length });
  });
});
