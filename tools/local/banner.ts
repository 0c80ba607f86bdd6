import { FRONT_DOOR_URL, LOCAL_CLOUD_URLS, SEED_ADMIN, type LocalApp } from './local-platform.config';

/** The first lines `npm start` prints: where things are and how to get a token. */
export function banner(apps: readonly LocalApp[], dataDir: string, logDir: string): string[] {
  const docs = apps.filter((app) => app.hasDocs).map((app) => `${FRONT_DOOR_URL}/docs/${app.name}`);
  return [
    `front door  ${FRONT_DOOR_URL}`,
    ...docs.map((url, index) => `${index === 0 ? 'OpenAPI    ' : '           '} ${url}`),
    `token       TOKEN=$(npm run -s token -- --seed)      # platform admin ${SEED_ADMIN.email}`,
    `            TOKEN=$(npm run -s token -- --email alice@example.com [--name "Alice"] [--platform-admin])`,
    `            curl -H "Authorization: Bearer $TOKEN" ${FRONT_DOOR_URL}/v1.0/tenants`,
    `sites       http://{slug}.dev.localhost:${new URL(FRONT_DOOR_URL).port}/  (also sit, prod; through the ALB proxy ${LOCAL_CLOUD_URLS.alb})`,
    `GitOps      ${LOCAL_CLOUD_URLS.github}  (GitHub-compatible API; token in <data dir>/secrets/gitops-token)`,
    `ECS/ELBv2   ${LOCAL_CLOUD_URLS.compute}`,
    `data        ${dataDir} (logs in ${logDir})`,
  ];
}
