import type { InstancesSchemas } from '@bbws/sdk';

type Schemas = InstancesSchemas['schemas'];
type CreateInstance = Schemas['CreateInstanceRequestDto'];

/** `instances create --env [--tier] [--count]` → POST …/instances (the API sizes it from its tier). */
export function createInstanceBody(flags: { env: string; tier?: string; count?: number }): CreateInstance {
  return {
    environment: flags.env as CreateInstance['environment'],
    ...(flags.tier ? { tier: flags.tier as CreateInstance['tier'] } : {}),
    ...(flags.count !== undefined ? { desiredCount: flags.count } : {}),
  };
}

/** `instances resume|unpark|retry [--reason]` → their POST (the reason is optional there). */
export function instanceNoteBody(reason?: string): Schemas['InstanceNoteRequestDto'] {
  return reason === undefined ? {} : { reason };
}
