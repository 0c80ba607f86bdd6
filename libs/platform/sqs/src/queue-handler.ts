import type { MalformedMessageError, MessageContract, ParsedMessage } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';
import type { QueueInfo } from './queue-directory';

/** What becomes of a received message after its handler ran. */
export type HandlerOutcome =
  /** Done (or nothing to do): delete it. */
  | { action: 'ack' }
  /** Try again later: hidden for `delaySeconds` (the backoff goes through the message visibility). */
  | { action: 'retry'; delaySeconds: number }
  /** Visible again now: another worker takes it, or after the last receive SQS moves it to the DLQ. */
  | { action: 'release' }
  /** Leave it alone until its visibility times out (another worker owns the work now). */
  | { action: 'abandon' }
  /** Straight to the dead-letter queue. */
  | { action: 'dead-letter'; reason: string };

export interface MessageContext {
  queue: QueueInfo;
  messageId: string;
  /** 1 on the first delivery. */
  receiveCount: number;
  /** After this receive SQS moves the message to the DLQ instead of delivering it again. */
  isLastReceive: boolean;
  /** Aborted with a WorkerShutdownError on shutdown, or with the heartbeat's error (lease lost). */
  signal: AbortSignal;
  logger: Logger;
}

/** A consumer's message logic; the runtime does receiving, validation, visibility and shutdown. */
export interface QueueHandler {
  readonly name: string;
  readonly contracts: readonly MessageContract[];
  /**
   * For queues whose messages are not our envelopes (e.g. raw EventBridge events): turns the body into
   * one of `contracts`' messages, throwing MalformedMessageError for a body it can never read.
   * Without it the body is parsed as an envelope of one of `contracts`.
   */
  parse?(body: string): ParsedMessage;
  handle(message: ParsedMessage, context: MessageContext): Promise<HandlerOutcome>;
  /** Runs with every visibility extension; throwing aborts the handler (e.g. its lease was lost). */
  heartbeat?(message: ParsedMessage, context: MessageContext): Promise<void>;
  /** A message that can never be processed, just before it goes to the DLQ. */
  onMalformed?(error: MalformedMessageError, context: MessageContext): Promise<void>;
  /** Shutdown gave up waiting for this message's handler: hand its work back. */
  release?(message: ParsedMessage): Promise<void>;
}

/** The reason a handler's signal is aborted when the worker stops. */
export class WorkerShutdownError extends Error {
  constructor() {
    super('The worker is shutting down');
    this.name = 'WorkerShutdownError';
  }
}
