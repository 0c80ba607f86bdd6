import { request } from 'node:http';
import { renderInstanceTerraform, type GitOpsPort, type WorkflowRun } from '@bbws/integrations-gitops';
import { eventually } from '@bbws/testing-engines';

/** The Terraform the platform commits for a DEV instance on the local data plane. */
export function devTerraform(slug: string, priority: number) {
  return renderInstanceTerraform({
    environment: 'DEV',
    slug,
    domainSuffix: 'dev.localhost',
    listenerRulePriority: priority,
    cpu: 512,
    memory: 1024,
    desiredCount: 1,
    wordpressImage: 'bbws/wordpress:local',
    wordpressVersion: '6.6',
    awsRegion: 'us-east-1',
    stateBucket: 'bbws-dev-terraform-state',
  });
}

/** Dispatches the deploy workflow and follows its run to completion, as the instance workers do. */
export async function runWorkflow(
  gitops: GitOpsPort,
  slug: string,
  action: 'plan' | 'apply' | 'destroy',
  operationId: string,
): Promise<WorkflowRun> {
  await gitops.dispatch({ environment: 'DEV', slug, action, operationId });
  const run = await eventually(() => gitops.findRun({ environment: 'DEV', operationId }), 10_000);
  return eventually(async () => {
    const current = await gitops.getRun('DEV', run.id);
    return current.status === 'completed' ? current : undefined;
  }, 120_000);
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET to `baseUrl` with the given Host header (as a browser resolving *.localhost would send it). */
export function get(baseUrl: string, host: string, path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}${path}`, { headers: { host }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
