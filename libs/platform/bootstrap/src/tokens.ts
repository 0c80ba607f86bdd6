/** Injection tokens of the platform module. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const DYNAMO_CONTEXT = Symbol('DYNAMO_CONTEXT');
export const LOGGER = Symbol('LOGGER');
export const CLOCK = Symbol('CLOCK');
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

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
