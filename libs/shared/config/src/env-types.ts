import { z } from 'zod';

export const portVar = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const booleanVar = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const optionalUrl = z.string().url().optional();

export const stageVar = z.enum(['local', 'test', 'dev', 'sit', 'prod']).default('local');

export type Stage = z.infer<typeof stageVar>;

export { z };
