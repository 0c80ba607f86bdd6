import type { DynamoContext } from '@bbws/data-access-dynamo';
import type { Logger } from '@bbws/shared-logging';
import { token, type Clock } from '@bbws/shared-util';
import type { PlatformConfig } from './platform-config';

/** Injection tokens of the platform module. */
export const PLATFORM_CONFIG = token<PlatformConfig>('PLATFORM_CONFIG');
export const DYNAMO_CONTEXT = token<DynamoContext>('DYNAMO_CONTEXT');
export const LOGGER = token<Logger>('LOGGER');
export const CLOCK = token<Clock>('CLOCK');
export const READINESS_CHECKS = token<ReadinessCheck[]>('READINESS_CHECKS');

/** A dependency `/ready` checks (table reachable, queue reachable...). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Readiness checks from elsewhere (e.g. the queues of `@bbws/platform-sqs`), closed with the app. */
export interface ReadinessProbe {
  readonly checks: readonly ReadinessCheck[];
  close?(): void;
}
