import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildConflictingPlugin,
  buildSettingsPlugin,
  CONFLICTING_PLUGIN,
  SETTINGS_PLUGIN,
  type FixturePackage,
} from '@bbws/testing-wordpress-fixtures';
import { signAgentRequest, type AgentRequestToSign } from './agent-request.signer';
import type { SiteRef } from './wordpress-connection';
import { editArchive, setTableSql, sha256Hex } from '../test/site-archive.fixture';
import { startWordPressSuite, type WordPressSuite } from '../test/wordpress-suite.fixture';

jest.setTimeout(90_000);

describe('agent request integrity against a real multisite network', () => {
  let suite: WordPressSuite;

  /** Signs `request` with the network's agent secret and sends it with `extraQuery` appended unsigned. */
  const sendSigned = (request: Omit<AgentRequestToSign, 'timestamp'>, extraQuery = '') => {
    const headers = signAgentRequest(suite.network.agentSecret, { ...request, timestamp: Date.now() / 1000 });
    return sendWith(request, headers, extraQuery);
  };
  const sendWith = (
    request: Omit<AgentRequestToSign, 'timestamp'>,
    headers: Record<string, string>,
    extraQuery = '',
  ) => {
    const query = new URLSearchParams({ rest_route: request.route, ...request.query }).toString();
    return suite.network.request(`/?${query}${extraQuery}`, {
      method: request.method,
      headers: request.body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: request.body || undefined,
    });
  };
  const createSite = async (subdomain: string): Promise<SiteRef> => {
    const host = suite.network.hostFor(subdomain);
    const site = await suite.client.createSite(suite.connection, {
      domain: host,
      title: subdomain,
      adminEmail: `owner@${subdomain}.test`,
    });
    return { blogId: site.blogId, host };
  };
  const siteExists = async (site: SiteRef) =>
    (await suite.network.query(`SELECT COUNT(*) FROM wp_blogs WHERE blog_id = ${site.blogId}`)) === '1';

  beforeAll(async () => {
    suite = await startWordPressSuite({}, { workers: 2 });
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('rejects a signed DELETE /sites/{id} with a blogId query parameter appended, and deletes neither site', async () => {
    const [signedFor, other] = [await createSite('signed-for'), await createSite('other')];

    const response = await sendSigned(
      { method: 'DELETE', route: `/bbws/v1/sites/${signedFor.blogId}`, body: '' },
      `&blogId=${other.blogId}`,
    );

    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'bbws_signature_invalid' });
    expect(await siteExists(other)).toBe(true);
    expect(await siteExists(signedFor)).toBe(true);
  });

  it('accepts signed query parameters and rejects the request once one of their values changes', async () => {
    const route = '/bbws/v1/sites/1/health';
    const signed = { method: 'GET', route, body: '', query: { probe: "a b/c!'*" } };
    const headers = signAgentRequest(suite.network.agentSecret, { ...signed, timestamp: Date.now() / 1000 });

    const tampered = await sendWith({ ...signed, query: { probe: 'other' } }, headers);
    const genuine = await sendSigned(signed);

    expect(tampered.status).toBe(401);
    expect(JSON.parse(tampered.body)).toMatchObject({ code: 'bbws_signature_invalid' });
    expect(genuine.status).toBe(200);
  });

  it('takes the site from the route, not from a blogId in the signed body', async () => {
    const [routed, named] = [await createSite('routed'), await createSite('named-in-body')];

    const response = await sendSigned({
      method: 'POST',
      route: `/bbws/v1/sites/${routed.blogId}/status`,
      body: JSON.stringify({ status: 'archived', blogId: named.blogId }),
    });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ blogId: routed.blogId, status: 'archived' });
    expect(
      await suite.network.query(
        `SELECT blog_id, archived FROM wp_blogs WHERE blog_id IN (${routed.blogId}, ${named.blogId}) ORDER BY blog_id`,
      ),
    ).toBe(`${routed.blogId}\t1\n${named.blogId}\t0`);
  });

  it("refuses core's plugin delete when a plugin query parameter names a plugin a site still has active", async () => {
    const install = (pkg: FixturePackage) =>
      suite.client.installPlugin(suite.connection, {
        packageUrl: suite.artifacts.put(pkg.fileName, pkg.bytes),
        sha256: pkg.sha256,
      });
    await install(buildSettingsPlugin('1.0.0'));
    await install(buildConflictingPlugin());
    const site = await createSite('uses-plugin');
    await suite.client.togglePlugin(suite.connection, site, SETTINGS_PLUGIN, true);
    const password = suite.connection.credentials.applicationPassword;
    const basic = Buffer.from(`${password?.username}:${password?.password}`).toString('base64');

    const response = await suite.network.request(
      `/?rest_route=/wp/v2/plugins/${CONFLICTING_PLUGIN}&plugin=${SETTINGS_PLUGIN}`,
      { method: 'DELETE', headers: { authorization: `Basic ${basic}` } },
    );

    expect(response.status).toBe(409);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'bbws_plugin_in_use' });
    expect(existsSync(join(suite.network.docRoot, 'wp-content/plugins', SETTINGS_PLUGIN + '.php'))).toBe(
      true,
    );
  });

  it('serves a signed request sent twice in parallel exactly once', async () => {
    const request = { method: 'GET', route: '/bbws/v1/sites/1/health', body: '' };
    for (let round = 0; round < 8; round += 1) {
      const headers = signAgentRequest(suite.network.agentSecret, {
        ...request,
        timestamp: Date.now() / 1000,
      });

      const answers = await Promise.all([sendWith(request, headers), sendWith(request, headers)]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
      const rejected = answers.find((answer) => answer.status === 401);
      expect(JSON.parse(rejected?.body ?? '{}')).toMatchObject({ code: 'bbws_request_replayed' });
    }
  });

  it('keeps its nonce records bounded: expired ones are removed when new requests arrive', async () => {
    await suite.network.runPhp(`
      global $wpdb;
      $wpdb->insert($wpdb->base_prefix . 'bbws_agent_nonces', array('nonce' => 'expired-nonce-0123456789', 'expires_at' => time() - 1));`);

    const response = await sendSigned({ method: 'GET', route: '/bbws/v1/sites/1/health', body: '' });

    expect(response.status).toBe(200);
    expect(
      await suite.network.query(
        "SELECT COUNT(*) FROM wp_bbws_agent_nonces WHERE nonce = 'expired-nonce-0123456789'",
      ),
    ).toBe('0');
    expect(
      Number(
        await suite.network.query(
          'SELECT COUNT(*) FROM wp_bbws_agent_nonces WHERE expires_at < UNIX_TIMESTAMP()',
        ),
      ),
    ).toBe(0);
  });

  it('answers an internal failure with a code and a generic message, the detail only in the PHP error log', async () => {
    const site = await createSite('fails-inside');
    const archive = await suite.client.createBackup(suite.connection, site, {
      uploadUrl: suite.artifacts.urlFor('fails-inside.zip'),
    });
    const prefix = `wp_${site.blogId}_`;
    const broken = editArchive(suite.artifacts.get('fails-inside.zip') ?? Buffer.alloc(0), (edited) =>
      setTableSql(
        edited,
        'links',
        `CREATE TABLE \`${prefix}links\` (\`id\` int) ENGINE=InnoDB;\nINSERT INTO \`${prefix}links\` (\`no_such_column\`) VALUES ('1');\n`,
      ),
    );
    suite.artifacts.put('fails-inside-broken.zip', broken);
    expect(archive.tables.map((table) => table.name)).toContain('links');

    const response = await sendSigned({
      method: 'POST',
      route: `/bbws/v1/sites/${site.blogId}/import`,
      body: JSON.stringify({
        downloadUrl: suite.artifacts.urlFor('fails-inside-broken.zip'),
        sha256: sha256Hex(broken),
        searchReplace: [],
      }),
    });

    expect(response.status).toBe(500);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ code: 'bbws_import_failed', data: { status: 500 } });
    expect(body.message).toBe(
      'The agent could not complete the request; the details are in the instance log',
    );
    expect(response.body).not.toMatch(/no_such_column|SQL|wp_\d+_|\.php/);
    expect(readFileSync(suite.network.logFile, 'utf8')).toContain('no_such_column');
  });
});
