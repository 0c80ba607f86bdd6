import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSettingsPlugin, SETTINGS_PLUGIN } from '@bbws/testing-wordpress-fixtures';
import { signAgentRequest } from './agent-request.signer';
import { WordPressClient } from './wordpress.client';
import type { SiteRef, WordPressConnection } from './wordpress-connection';
import { FAST_RESILIENCE, startWordPressSuite, type WordPressSuite } from '../test/wordpress-suite.fixture';

jest.setTimeout(60_000);

describe('WordPressClient failure handling against a real multisite network', () => {
  let suite: WordPressSuite;
  let mainSite: SiteRef;

  beforeAll(async () => {
    suite = await startWordPressSuite();
    mainSite = { blogId: 1, host: suite.network.networkDomain };
  });

  afterAll(async () => {
    await suite?.stop();
  });

  describe('agent authentication', () => {
    it('answers a wrong agent secret with 401, mapped to a non-retryable error that is not retried', async () => {
      const warn = jest.fn();
      const client = new WordPressClient({ resilience: FAST_RESILIENCE, logger: { warn, debug: jest.fn() } });
      const wrongSecret: WordPressConnection = {
        ...suite.connection,
        credentials: { ...suite.connection.credentials, agentSecret: 'not-the-secret' },
      };

      await expect(client.getSiteHealth(wrongSecret, mainSite)).rejects.toMatchObject({
        code: 'WORDPRESS_SIGNATURE_INVALID',
        upstreamStatus: 401,
        retryable: false,
      });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(warn.mock.calls)).not.toContain('not-the-secret');
      expect(client.circuitState(wrongSecret)).toBe('closed');
    });

    it('rejects a signed request replayed more than 5 minutes after it was signed', async () => {
      const body = JSON.stringify({
        domain: suite.network.hostFor('replayed'),
        title: 'Replayed',
        adminEmail: 'r@replayed.test',
      });
      const signedSixMinutesAgo = signAgentRequest(suite.network.agentSecret, {
        method: 'POST',
        route: '/bbws/v1/sites',
        body,
        timestamp: Date.now() / 1000 - 301,
      });

      const replay = await suite.network.request('/?rest_route=/bbws/v1/sites', {
        method: 'POST',
        headers: { ...signedSixMinutesAgo, 'content-type': 'application/json' },
        body,
      });

      expect(replay.status).toBe(401);
      expect(JSON.parse(replay.body)).toMatchObject({ code: 'bbws_request_expired' });
      expect(
        await suite.network.query(
          `SELECT COUNT(*) FROM wp_blogs WHERE domain = '${suite.network.hostFor('replayed')}'`,
        ),
      ).toBe('0');
    });

    it('rejects the exact replay of a request it already served', async () => {
      const headers = signAgentRequest(suite.network.agentSecret, {
        method: 'GET',
        route: '/bbws/v1/sites/1/health',
        body: '',
        timestamp: Date.now() / 1000,
      });

      const first = await suite.network.request('/?rest_route=/bbws/v1/sites/1/health', { headers });
      const replay = await suite.network.request('/?rest_route=/bbws/v1/sites/1/health', { headers });

      expect(first.status).toBe(200);
      expect(replay.status).toBe(401);
      expect(JSON.parse(replay.body)).toMatchObject({ code: 'bbws_request_replayed' });
    });

    it('rejects a request whose body was changed after signing', async () => {
      const headers = signAgentRequest(suite.network.agentSecret, {
        method: 'POST',
        route: '/bbws/v1/sites',
        body: JSON.stringify({ domain: 'a.net1.localhost', title: 'A', adminEmail: 'a@a.test' }),
        timestamp: Date.now() / 1000,
      });

      const tampered = await suite.network.request('/?rest_route=/bbws/v1/sites', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ domain: 'evil.net1.localhost', title: 'A', adminEmail: 'a@a.test' }),
      });

      expect(tampered.status).toBe(401);
      expect(JSON.parse(tampered.body)).toMatchObject({ code: 'bbws_signature_invalid' });
    });
  });

  describe('application passwords over plain HTTP', () => {
    it('are available only when the peer and every forwarded hop are on the internal network', async () => {
      const decisions = await suite.network.runPhp(`
        $cases = array(array('10.0.4.5', ''), array('127.0.0.1', '10.1.1.1'), array('203.0.113.9', ''), array('10.0.4.5', '198.51.100.7, 10.0.0.2'));
        $answers = array();
        foreach ($cases as $case) {
          $_SERVER['REMOTE_ADDR'] = $case[0];
          $_SERVER['HTTP_X_FORWARDED_FOR'] = $case[1];
          $answers[] = apply_filters('wp_is_application_passwords_available', false);
        }
        echo json_encode($answers);`);

      expect(JSON.parse(decisions)).toEqual([true, true, false, false]);
    });
  });

  describe('package checksums', () => {
    it('rejects a package whose sha256 does not match and installs nothing', async () => {
      const v1 = buildSettingsPlugin('1.0.0');
      const packageUrl = suite.artifacts.put(v1.fileName, v1.bytes);

      await expect(
        suite.client.installPlugin(suite.connection, {
          packageUrl,
          sha256: buildSettingsPlugin('2.0.0').sha256,
        }),
      ).rejects.toMatchObject({ code: 'WORDPRESS_CHECKSUM_MISMATCH', upstreamStatus: 422, retryable: false });

      const installed = await suite.client.listInstalledPlugins(suite.connection, mainSite);
      expect(installed.map((plugin) => plugin.plugin)).not.toContain(SETTINGS_PLUGIN);
      expect(existsSync(join(suite.network.docRoot, 'wp-content/plugins/bbws-fixture-settings'))).toBe(false);
    });

    it('rejects an update whose sha256 does not match and keeps the installed version', async () => {
      const v1 = buildSettingsPlugin('1.0.0');
      const v2 = buildSettingsPlugin('2.0.0');
      await suite.client.installPlugin(suite.connection, {
        packageUrl: suite.artifacts.put(v1.fileName, v1.bytes),
        sha256: v1.sha256,
      });

      await expect(
        suite.client.updatePlugin(suite.connection, SETTINGS_PLUGIN, {
          packageUrl: suite.artifacts.put(v2.fileName, v2.bytes),
          sha256: v1.sha256,
        }),
      ).rejects.toMatchObject({ code: 'WORDPRESS_CHECKSUM_MISMATCH', retryable: false });

      const installed = await suite.client.listInstalledPlugins(suite.connection, mainSite);
      expect(installed.find((plugin) => plugin.plugin === SETTINGS_PLUGIN)?.version).toBe('1.0.0');
    });
  });

  describe('packages the artifact store refuses', () => {
    it('fails a package URL the store answers 404 as not retryable, without counting against the instance', async () => {
      const missing = suite.artifacts.urlFor('never-uploaded.zip');
      for (let attempt = 0; attempt < 6; attempt += 1) {
        await expect(
          suite.client.installPlugin(suite.connection, {
            packageUrl: missing,
            sha256: buildSettingsPlugin('1.0.0').sha256,
          }),
        ).rejects.toMatchObject({
          code: 'WORDPRESS_PACKAGE_UNAVAILABLE',
          upstreamStatus: 422,
          retryable: false,
          details: { wordpress: { storeStatus: 404 } },
        });
      }
      expect(suite.client.circuitState(suite.connection)).toBe('closed');
    });
  });

  describe('WordPress stopped', () => {
    it('fails with a retryable error, opens the breaker, and closes it once WordPress is back', async () => {
      const client = new WordPressClient({
        resilience: {
          retry: { maxRetries: 1, initialDelayMs: 10, maxDelayMs: 20 },
          breaker: { consecutiveFailures: 3, halfOpenAfterMs: 1_000 },
        },
      });
      const { connection } = suite;
      await expect(client.getSiteInfo(connection, mainSite)).resolves.toMatchObject({ agentAvailable: true });
      await suite.network.stopWorkers();
      try {
        await expect(client.getSiteInfo(connection, mainSite)).rejects.toMatchObject({
          code: 'WORDPRESS_UNREACHABLE',
          retryable: true,
        });
        await expect(client.getSiteHealth(connection, mainSite)).rejects.toMatchObject({ retryable: true });
        expect(client.circuitState(connection)).toBe('open');

        await expect(client.getSiteInfo(connection, mainSite)).rejects.toMatchObject({
          code: 'WORDPRESS_CIRCUIT_OPEN',
          retryable: true,
        });
      } finally {
        await suite.network.startWorkers();
      }
      await new Promise((resolve) => setTimeout(resolve, 1_100));

      await expect(client.getSiteInfo(connection, mainSite)).resolves.toMatchObject({ agentAvailable: true });
      expect(client.circuitState(connection)).toBe('closed');
    });
  });
});
