import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startWordPressNetwork, type WordPressNetwork } from './wordpress-network.harness';

jest.setTimeout(120_000);

function processesUnder(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

describe('startWordPressNetwork', () => {
  let network: WordPressNetwork;
  let muPlugins: string;
  let startMs: number;

  beforeAll(async () => {
    muPlugins = await mkdtemp(join(tmpdir(), 'bbws-mu-'));
    await writeFile(
      join(muPlugins, 'harness-probe.php'),
      `<?php
add_action('rest_api_init', function () {
  register_rest_route('harness/v1', '/probe', array(
    'methods' => 'GET',
    'permission_callback' => '__return_true',
    'callback' => function () {
      return array('secret' => BBWS_AGENT_SECRET, 'environment' => wp_get_environment_type(), 'blogId' => get_current_blog_id());
    },
  ));
});
`,
    );
    const started = Date.now();
    network = await startWordPressNetwork({ agentSecret: 'harness-secret', muPluginsDir: muPlugins });
    startMs = Date.now() - started;
  });

  afterAll(async () => {
    await network?.stop();
    await rm(muPlugins, { recursive: true, force: true });
  });

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

  it('serves a second site created in the network under its own host', async () => {
    const blogId = await network.runPhp(
      `echo wpmu_create_blog('${network.hostFor('shop')}', '/', 'Shop', 1);`,
    );
    const response = await network.request('/wp-json/', { host: network.hostFor('shop') });
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as { name: string }).name).toBe('Shop');
    const probe = await network.request('/wp-json/harness/v1/probe', { host: network.hostFor('shop') });
    expect(JSON.parse(probe.body)).toEqual({
      secret: 'harness-secret',
      environment: 'local',
      blogId: Number(blogId),
    });
    expect(await network.query(`SELECT domain FROM wp_blogs WHERE blog_id = ${Number(blogId)}`)).toBe(
      network.hostFor('shop'),
    );
  });

  it('serves pretty permalinks, rest_route and static files through the router', async () => {
    const post = await network.request('/wp-json/wp/v2/posts');
    const [first] = JSON.parse(post.body) as Array<{ link: string }>;
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

describe('WordPressNetwork.stop', () => {
  it('leaves no process and no temp files behind', async () => {
    const network = await startWordPressNetwork({ workers: 2 });
    const tempDir = join(network.docRoot, '..');
    expect(processesUnder(tempDir).length).toBeGreaterThanOrEqual(3);
    expect((await network.request('/wp-login.php')).status).toBe(200);

    await network.stop();

    expect(processesUnder(tempDir)).toEqual([]);
    expect(existsSync(tempDir)).toBe(false);
  });
});
