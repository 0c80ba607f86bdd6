import type {
  AgentHealth,
  HomePageProbe,
  SiteHealthCheckResult,
  SiteHealthCheckStatus,
  SiteHealthReport,
  SiteHealthState,
} from './site-health.report';

/** A home page slower than this is DEGRADED. */
export const SLOW_PAGE_MS = 3_000;

/**
 * Core Site Health tests about what the platform does for every site rather than about the site: WordPress
 * is updated with the platform's images, plugins and themes come from its artifact store. Left out.
 */
const PLATFORM_MANAGED_CORE_TESTS = new Set(['background_updates', 'dotorg_communication']);

const CORE_PREFIX = 'core:';

/**
 * The checks and the overall status: UNHEALTHY when the site is broken (the home page answers 5xx, cannot
 * be reached or shows a PHP fatal, a platform check fails, or the agent fails); UNKNOWN when the agent
 * cannot be reached (and the home page did not prove the site broken); DEGRADED on WordPress's own
 * findings (critical ones are listed as FAIL: advice to act on, not a site that is down), a 4xx home page
 * or a page slower than 3 s; HEALTHY otherwise.
 */
export function summariseSiteHealth(
  probe: HomePageProbe,
  agent: AgentHealth,
  checkedAt: string,
): SiteHealthReport {
  const checks = [homePageCheck(probe), ...agentChecks(agent)];
  return { status: overall(probe, agent, checks), checkedAt, responseTimeMs: probe.responseTimeMs, checks };
}

function overall(probe: HomePageProbe, agent: AgentHealth, checks: SiteHealthCheckResult[]): SiteHealthState {
  const pageBroken = probe.fatal || (probe.httpStatus !== null && probe.httpStatus >= 500);
  if (pageBroken) return 'UNHEALTHY';
  if (!agent.ok && !agent.reachable) return 'UNKNOWN';
  if (checks.some((check) => check.status === 'FAIL' && !check.name.startsWith(CORE_PREFIX)))
    return 'UNHEALTHY';
  return checks.some((check) => check.status !== 'PASS') ? 'DEGRADED' : 'HEALTHY';
}

function homePageCheck(probe: HomePageProbe): SiteHealthCheckResult {
  const name = 'home_page';
  if (probe.httpStatus === null)
    return {
      name,
      status: 'FAIL',
      message: `The home page could not be reached: ${probe.error ?? 'no answer'}`,
    };
  const answered = `The home page answered HTTP ${probe.httpStatus} in ${probe.responseTimeMs ?? '?'} ms`;
  if (probe.fatal) return { name, status: 'FAIL', message: `${answered} with a PHP fatal error` };
  if (probe.httpStatus >= 500) return { name, status: 'FAIL', message: answered };
  if (probe.httpStatus >= 400) return { name, status: 'WARN', message: answered };
  if ((probe.responseTimeMs ?? 0) > SLOW_PAGE_MS)
    return { name, status: 'WARN', message: `${answered} (slower than ${SLOW_PAGE_MS} ms)` };
  return { name, status: 'PASS', message: answered };
}

/**
 * The agent's platform checks (database, uploads_writable, active_theme, last_request) and WordPress's
 * own Site Health findings that are not good (`core:{test}`, platform-managed tests left out); one
 * `wordpress_agent` check when the agent could not answer.
 */
function agentChecks(agent: AgentHealth): SiteHealthCheckResult[] {
  if (!agent.ok)
    return [
      {
        name: 'wordpress_agent',
        status: agent.reachable ? 'FAIL' : 'WARN',
        message: agent.reachable
          ? `The platform agent failed: ${agent.message}`
          : `The platform agent could not be reached: ${agent.message}`,
      },
    ];
  const platform = agent.health.platform.map((check) => ({
    name: check.check,
    status: (check.status === 'pass' ? 'PASS' : 'FAIL') as SiteHealthCheckStatus,
    message: check.message,
  }));
  const core = agent.health.core
    .filter((result) => result.status !== 'good' && !PLATFORM_MANAGED_CORE_TESTS.has(result.test))
    .map((result) => ({
      name: `${CORE_PREFIX}${result.test}`,
      status: (result.status === 'critical' ? 'FAIL' : 'WARN') as SiteHealthCheckStatus,
      message: result.label,
    }));
  return [...platform, ...core];
}

/** The names of the checks failing in `after` that were not failing in `before` (what a change broke). */
export function newFailures(before: SiteHealthReport, after: SiteHealthReport): string[] {
  const failedBefore = new Set(before.checks.filter((check) => check.status === 'FAIL').map((c) => c.name));
  return after.checks
    .filter((check) => check.status === 'FAIL' && !failedBefore.has(check.name))
    .map((check) => check.name);
}
