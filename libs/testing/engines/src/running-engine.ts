export interface RunningEngine {
  /** Base URL for the AWS SDK `endpoint` option, e.g. `http://127.0.0.1:8000`. */
  endpoint: string;
  port: number;
  /** Stops the engine and waits until it is gone. Safe to call twice. */
  stop(): Promise<void>;
}
