import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Instance } from '@bbws/data-access-instances';
import { newId } from '@bbws/shared-util';

/** The band the platform never allocates (ALLOCATED_RULE_PRIORITIES ends at 45000): no DAO draw lands here. */
const TEST_RULE_PRIORITIES = { min: 45_001, max: 50_000 };

/**
 * A listener-rule priority no other instance of this test run holds. Every suite shares one
 * DynamoDB Local whose guard items reserve priorities per environment: the APIs and workers under test
 * draw theirs from 1-45000, the test instances from 45001-50000, each reserved by an exclusively
 * created file in the run's directory, which works across Jest's worker processes.
 */
export function uniqueRulePriority(): number {
  const runDir = process.env.BBWS_TEST_RUN_DIR;
  const { min, max } = TEST_RULE_PRIORITIES;
  for (;;) {
    const priority = min + Math.floor(Math.random() * (max - min + 1));
    if (!runDir) return priority;
    const dir = path.join(runDir, 'listener-rule-priorities');
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(path.join(dir, String(priority)), '', { flag: 'wx' });
      return priority;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

let sequence = 0;

/** A unique instance slug (≤ 24 chars, lower-case alphanumeric). */
export function uniqueSlug(): string {
  sequence += 1;
  return `t${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`.slice(0, 24);
}

/** An instance as the API stores it, named per API.md's rules; `overrides` win. */
export function buildInstance(overrides: Partial<Instance> = {}): Instance {
  const slug = overrides.slug ?? uniqueSlug();
  const environment = overrides.environment ?? 'DEV';
  const env = environment.toLowerCase();
  const now = new Date().toISOString();
  const { resources, gitOps, ...rest } = overrides;
  return {
    instanceId: newId('inst'),
    tenantId: newId('tenant'),
    environment,
    tier: 'STANDARD',
    status: 'PENDING_PROVISIONING',
    desiredCount: 1,
    runningCount: 0,
    cpu: 512,
    memory: 1024,
    wordpressVersion: '6.1',
    endpoint: `http://${slug}.${env}.localhost:3000/`,
    slug,
    opportunityId: null,
    previousDesiredCount: null,
    lastError: null,
    lastRuntimeEvent: null,
    createdAt: now,
    createdBy: 'admin-1',
    updatedAt: now,
    version: 1,
    ...rest,
    gitOps: {
      repository: `bbws-local/gitops-${env}`,
      branch: 'main',
      path: `tenants/${slug}`,
      lastCommitSha: null,
      lastWorkflowRunId: null,
      lastWorkflowUrl: null,
      ...gitOps,
    },
    resources: {
      cluster: `${env}-cluster`,
      serviceName: `${env}-${slug}-service`,
      targetGroup: `${env}-${slug}-tg`,
      listenerArn: `arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/bbws-local-${env}/0000000000000000/${env}`,
      listenerRulePriority: resources?.listenerRulePriority ?? uniqueRulePriority(),
      listenerRuleArn: null,
      targetGroupArn: null,
      databaseName: `${slug}_db`,
      secretName: `${env}-${slug}-db-credentials`,
      host: `${slug}.${env}.localhost`,
      ...resources,
    },
  };
}
