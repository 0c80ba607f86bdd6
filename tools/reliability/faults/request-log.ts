/** One HTTP request the load made, as the client saw it. */
export interface Outcome {
  kind: 'read' | 'write';
  /** What the request was about (the organisation name of a write, the tenant id of a read). */
  subject: string;
  /** 0 when no HTTP answer came (connection failure or the client's own timeout). */
  status: number;
  code?: string;
  body: Record<string, unknown> | null;
  /** Milliseconds since the load started. */
  startedAt: number;
  endedAt: number;
  latencyMs: number;
}

export interface Step {
  kind: Outcome['kind'];
  subject: string;
  send(signal: AbortSignal): Promise<Response>;
}

/** The client gives up after this: an answer slower than that counts as no answer. */
const CLIENT_TIMEOUT_MS = 5000;

/**
 * Steady load: `concurrency` loops, each sending the next step as soon as the previous one answered,
 * recording every outcome until `stop()`.
 */
export class LoadDriver {
  readonly outcomes: Outcome[] = [];
  readonly origin = performance.now();
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(concurrency: number, nextStep: () => Step) {
    this.loops = Array.from({ length: concurrency }, () => this.loop(nextStep));
  }

  now(): number {
    return performance.now() - this.origin;
  }

  async stop(): Promise<Outcome[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.outcomes;
  }

  private async loop(nextStep: () => Step): Promise<void> {
    while (this.running) {
      const step = nextStep();
      const startedAt = this.now();
      let status = 0;
      let body: Record<string, unknown> | null = null;
      try {
        const response = await step.send(AbortSignal.timeout(CLIENT_TIMEOUT_MS));
        status = response.status;
        body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      } catch {
        // no answer: status 0
      }
      const endedAt = this.now();
      const code = (body?.error as { code?: string } | undefined)?.code;
      this.outcomes.push({
        kind: step.kind,
        subject: step.subject,
        status,
        code,
        body,
        startedAt,
        endedAt,
        latencyMs: endedAt - startedAt,
      });
    }
  }
}

/** A 503 in the error envelope of API.md with the DEPENDENCY_UNAVAILABLE code. */
export function isDependencyUnavailable(outcome: Outcome): boolean {
  const body = outcome.body as {
    error?: { code?: string; message?: string };
    requestId?: string;
    timestamp?: string;
  };
  return (
    outcome.status === 503 &&
    body?.error?.code === 'DEPENDENCY_UNAVAILABLE' &&
    typeof body.error.message === 'string' &&
    typeof body.requestId === 'string' &&
    typeof body.timestamp === 'string'
  );
}
