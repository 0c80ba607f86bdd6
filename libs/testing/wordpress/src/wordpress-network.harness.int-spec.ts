import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureRuntimePackages } from '@bbws/integrations-local-wordpress';
import { startWordPressNetwork, type WordPressNetwork } from './wordpress-network.harness';

jest.setTimeout(120_000);

interface Probe {
  secret: string;
  environment: string;
  blogId: number;
  pid: number;
}

const PROBE_PLUGIN = `<?php
add_action('rest_api_init', function () {
  register_rest_route('harness/v1', '/probe', array(
    'methods' => 'GET',
    'permission_callback' => '__return_true',
    'callback' => function () {
      return array(
        'secret' => BBWS_AGENT_SECRET,
        'environment' => wp_get_environment_type(),
        'blogId' => get_current_blog_id(),
        'pid' => getmypid(),
      );
    },
  ));
});
`;

function processesUnder(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

async function probe(network: WordPressNetwork, host?: string): Promise<Probe> {
  const response = await network.request('/wp-json/harness/v1/probe', { host });
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as Probe;
}

let muPlugins: string;

// On a machine without the OS packages the first run installs them.
beforeAll(() => ensureRuntimePackages(), 15 * 60_000);

beforeAll(async () => {
  muPlugins = await mkdtemp(join(tmpdir(), 'bbws-mu-'));
  await writeFile(join(muPlugins, 'harness-probe.php'), PROBE_PLUGIN);
});

afterAll(() => rm(muPlugins, { recursive: true, force: true }));

describe('startWordPressNetwork', () => {
  let network: WordPressNetwork;
  let startMs: number;

  beforeAll(async () => {
    const started = Date.now();
    network = await startWordPressNetwork({ agentSecret: 'harness-secret', muPluginsDir: muPlugins });
    startMs = Date.now() - started;
  });

  afterAll(() => network?.stop());

  it('starts a network in well under 20 s', () => {
    expect(startMs).toBeLessThan(20_000);
  });

  it('serves the main site REST index by Host header', async () => {
    const response = await network.request('/wp-json/');
    expect(response.status).toBe(200);
    const index = JSON.parse(response.body) as { url: string; namespaces: string[] };
    expect(index.url).toBe(`http://${network.networkDomain}`);
    expect(index.namespaces).toEqual(expect.arrayContaining(['wp/v2', 'wp-site-health/v1', 'harness/v1']));
  });

  it('is a subdomain multisite network', async () => {
    const output = await network.runPhp(
      "echo json_encode(array(is_multisite(), is_subdomain_install(), get_network()->domain, get_site_option('site_admins')));",
    );
    expect(JSON.parse(output)).toEqual([true, true, network.networkDomain, ['bbws-admin']]);
  });

  it('loads the must-use plugins with the agent secret and the local environment type', async () => {
    expect(await probe(network)).toMatchObject({ secret: 'harness-secret', environment: 'local', blogId: 1 });
  });

  it('serves a second site created in the network under its own host', async () => {
    const blogId = Number(
      await network.runPhp(`echo wpmu_create_blog('${network.hostFor('shop')}', '/', 'Shop', 1);`),
    );
    const response = await network.request('/wp-json/', { host: network.hostFor('shop') });
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as { name: string }).name).toBe('Shop');
    expect((await probe(network, network.hostFor('shop'))).blogId).toBe(blogId);
    expect(await network.query(`SELECT domain FROM wp_blogs WHERE blog_id = ${blogId}`)).toBe(
      network.hostFor('shop'),
    );
  });

  it('serves pretty permalinks, rest_route and static files through the router', async () => {
    const posts = await network.request('/wp-json/wp/v2/posts');
    const [first] = JSON.parse(posts.body) as Array<{ link: string }>;
    const permalink = new URL(first.link).pathname;
    expect(permalink).toMatch(/^\/\d{4}\/\d{2}\/\d{2}\/hello-world\/$/);
    expect((await network.request(permalink)).status).toBe(200);
    expect((await network.request('/?rest_route=/')).status).toBe(200);
    const css = await network.request('/wp-includes/css/dashicons.min.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('makes WordPress unreachable while workers are stopped and reachable again at the same URL', async () => {
    await network.stopWorkers();
    await expect(network.request('/wp-login.php')).rejects.toThrow(/ECONNREFUSED/);
    await network.startWorkers();
    expect((await network.request('/wp-login.php')).status).toBe(200);
  });
});

describe('a network with several workers', () => {
  it('spreads requests over the workers, answers 503 while they are stopped, and stops leaving nothing behind', async () => {
    const network = await startWordPressNetwork({ workers: 2, muPluginsDir: muPlugins });
    const tempDir = dirname(network.docRoot);
    try {
      const pids = new Set([(await probe(network)).pid, (await probe(network)).pid]);
      expect(pids.size).toBe(2);
      expect(processesUnder(tempDir).length).toBeGreaterThanOrEqual(3);

      await network.stopWorkers();
      expect((await network.request('/wp-login.php')).status).toBe(503);
      await network.startWorkers();
      expect((await network.request('/wp-login.php')).status).toBe(200);
    } finally {
      await network.stop();
    }

    expect(processesUnder(tempDir)).toEqual([]);
    expect(existsSync(tempDir)).toBe(false);
  });
});
