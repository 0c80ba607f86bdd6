import path from 'node:path';
import { LOCAL_HOST, LOCAL_PORTS, loadConfig, localUrl, optionalUrl, portVar, z } from '@bbws/shared-config';
import { DEFAULT_UPSTREAMS, isUpstreamApp, type Upstreams } from '../routing/upstream-apps';

export interface FrontDoorConfig {
  host: string;
  port: number;
  dataDir: string;
  issuer: string;
  logLevel: string;
  upstreams: Upstreams;
  /** The local ALB proxy the instances' hosts (`*.{env}.localhost`) go to; none: every host is routed by path. */
  albUrl?: string;
}

const schema = z
  .object({
    HOST: z.string().default(LOCAL_HOST),
    PORT: portVar(LOCAL_PORTS['front-door']),
    BBWS_DATA_DIR: z.string().default('.data'),
    AUTH_ISSUER: z
      .string()
      .url()
      .default(`${localUrl('front-door')}/local-identity`),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
    /** `tenants-api=http://127.0.0.1:3001,...`; apps not listed keep their default local address. */
    FRONT_DOOR_UPSTREAMS: z
      .string()
      .default('')
      .transform((value, context) => {
        const upstreams: Upstreams = { ...DEFAULT_UPSTREAMS };
        for (const entry of value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)) {
          const [name, url] = entry.split('=');
          if (!isUpstreamApp(name) || !url || !URL.canParse(url)) {
            context.addIssue({ code: 'custom', message: `"${entry}" is not <api-app>=<url>` });
            return z.NEVER;
          }
          upstreams[name] = url.replace(/\/$/, '');
        }
        return upstreams;
      }),
    FRONT_DOOR_ALB_URL: optionalUrl,
  })
  .transform((env): FrontDoorConfig => ({
    host: env.HOST,
    port: env.PORT,
    dataDir: path.resolve(env.BBWS_DATA_DIR),
    issuer: env.AUTH_ISSUER,
    logLevel: env.LOG_LEVEL,
    upstreams: env.FRONT_DOOR_UPSTREAMS,
    albUrl: env.FRONT_DOOR_ALB_URL,
  }));

export function loadFrontDoorConfig(env: NodeJS.ProcessEnv = process.env): FrontDoorConfig {
  return loadConfig(schema, env);
}
