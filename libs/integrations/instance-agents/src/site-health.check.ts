import type { SiteRef, WordPressClient, WordPressConnection } from '@bbws/integrations-wordpress-client';
import { UpstreamError } from '@bbws/shared-errors';
import { probeHomePage } from './site-health.probe';
import type { AgentHealth, SiteHealthReport } from './site-health.report';
import { summariseSiteHealth } from './site-health.summary';

/** The home page must answer within this. */
export const HOME_PAGE_TIMEOUT_MS = 10_000;

/** Errors meaning the agent did not answer at all (as opposed to answering with a failure). */
const UNREACHABLE_CODES = ['WORDPRESS_UNREACHABLE', 'WORDPRESS_CIRCUIT_OPEN', 'UPSTREAM_TIMEOUT'];

export interface SiteHealthCheckOptions {
  homePageTimeoutMs?: number;
  now?: () => Date;
}

/**
 * A site's live health: the home page fetched through the front door (the agent connection's base URL
 * with the site's host) first, so a fatal it causes is also in the agent's `last_request` check, then
 * WordPress's site-health results through the agent; summarised by {@link summariseSiteHealth}.
 */
export class SiteHealthCheck {
  constructor(
    private readonly wordpress: Pick<WordPressClient, 'getSiteHealth'>,
    private readonly options: SiteHealthCheckOptions = {},
  ) {}

  async check(connection: WordPressConnection, site: SiteRef, siteUrl: string): Promise<SiteHealthReport> {
    const probe = await probeHomePage(
      connection.baseUrl,
      site.host,
      new URL(siteUrl).pathname || '/',
      this.options.homePageTimeoutMs ?? HOME_PAGE_TIMEOUT_MS,
    );
    const agent = await this.agentHealth(connection, site);
    return summariseSiteHealth(probe, agent, (this.options.now?.() ?? new Date()).toISOString());
  }

  private async agentHealth(connection: WordPressConnection, site: SiteRef): Promise<AgentHealth> {
    try {
      return { ok: true, health: await this.wordpress.getSiteHealth(connection, site) };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return { ok: false, reachable: !UNREACHABLE_CODES.includes(error.code), message: error.message };
    }
  }
}
