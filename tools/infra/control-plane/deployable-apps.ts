import { LOCAL_API_APPS, LOCAL_PORTS, type LocalApiApp } from '@bbws/shared-config';

/**
 * The apps deployed to ECS, each with its own image, task definition and service. The front door is
 * local only: in the cloud API Gateway routes the same prefixes (API_ROUTES) straight to the APIs.
 */
export const DEPLOYABLE_APPS = [...LOCAL_API_APPS, 'workers'] as const;

export type DeployableApp = (typeof DEPLOYABLE_APPS)[number];

/** Apps that run only locally (no image, no ECS service). */
export const LOCAL_ONLY_APPS = ['front-door'] as const;

/** Apps that are no service at all: `bbws` runs on its users' machines (its bundle: `nx build cli`). */
export const CLIENT_APPS = ['cli'] as const;

export function isApiApp(app: DeployableApp): app is LocalApiApp {
  return (LOCAL_API_APPS as readonly string[]).includes(app);
}

/** The container port: the app's port from the shared ports table (the workers serve /health only). */
export function containerPort(app: DeployableApp): number {
  return LOCAL_PORTS[app];
}

/** `tenants-api` -> `TenantsApi`, the prefix of the app's logical ids. */
export function pascal(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
}

/** The names the deploy workflow uses too (.github/workflows/deploy.yml). */
export const deployNames = {
  cluster: (stage: string) => `bbws-control-plane-${stage}`,
  repository: (stage: string, app: DeployableApp) => `bbws-${stage}/${app}`,
  service: (app: DeployableApp) => app,
  taskFamily: (stage: string, app: DeployableApp) => `bbws-${stage}-${app}`,
};
