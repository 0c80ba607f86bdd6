/** Counts the commands a client sends, per command name, with a middleware on its stack. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** Adds the counting middleware to an AWS SDK v3 client (DynamoDB, SQS; a DocumentClient shares its client's stack). */
  attach(client: { middlewareStack: { add: (...args: never[]) => void } }, name: string): void {
    const add = client.middlewareStack.add as unknown as (
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ) => void;
    add.call(
      client.middlewareStack,
      (next, context) => (args) => {
        const command = (context.commandName ?? 'unknown').replace(/Command$/, '');
        this.counts.set(command, (this.counts.get(command) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: `bbwsCallCounter-${name}` },
    );
  }

  snapshot(): Map<string, number> {
    return new Map(this.counts);
  }

  /** Calls per command sent since `since` (a snapshot). */
  since(since: Map<string, number>): Map<string, number> {
    const delta = new Map<string, number>();
    for (const [command, count] of this.counts) {
      const calls = count - (since.get(command) ?? 0);
      if (calls > 0) delta.set(command, calls);
    }
    return delta;
  }
}

export function total(calls: Map<string, number>): number {
  let sum = 0;
  for (const count of calls.values()) sum += count;
  return sum;
}

/** `Receive 1.02, Delete 1.00` for calls divided by operations. */
export function perOperation(calls: Map<string, number>, operations: number): string {
  return [...calls]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([command, count]) => `${command} ${(count / Math.max(1, operations)).toFixed(2)}`)
    .join(', ');
}
