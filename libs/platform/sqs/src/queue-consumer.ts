import type { Message, QueueAttributeName, SQSClient } from '@aws-sdk/client-sqs';
import { Consumer } from 'sqs-consumer';
import { MalformedMessageError, parseMessage, type ParsedMessage } from '@bbws/shared-contracts';
import { requestContext, type Logger } from '@bbws/shared-logging';
import { backoffSeconds, type BackoffPolicy } from './backoff';
import { moveToDeadLetter } from './dead-letter';
import { DeleteBatcher } from './delete-batcher';
import { changeVisibility } from './message-visibility';
import {
  WorkerShutdownError,
  type HandlerOutcome,
  type MessageContext,
  type QueueHandler,
} from './queue-handler';
import type { QueueInfo } from './queue-directory';

export interface QueueConsumerSettings {
  /** Messages handled at the same time, at most. */
  concurrency: number;
  /** Messages per receive (1-10); the consumer count is concurrency / batchSize. */
  batchSize: number;
  /** Long-poll wait (1-20 s). */
  waitTimeSeconds: number;
  /** Overrides the queue's visibility timeout for received messages (short in tests). */
  visibilityTimeoutSeconds?: number;
  /** How often visibility (and the handler's lease) is extended while a handler runs. Default visibility / 3. */
  heartbeatIntervalSeconds?: number;
  /** Backoff for errors the handler did not handle itself. */
  retry: BackoffPolicy;
}

interface InFlight {
  message: Message;
  controller: AbortController;
  parsed?: ParsedMessage;
  /** Shutdown released it while its handler was still running: the handler's outcome is ignored. */
  forced: boolean;
  done?: Promise<unknown>;
}

const SHUTDOWN_GRACE_MS = 2000;
/** How long an acknowledged message waits for others to be deleted with it. */
const DELETE_LINGER_MS = 20;

/**
 * Runs one queue on `sqs-consumer`: validates each message against the handler's contracts
 * (malformed ones go straight to the DLQ), extends visibility while the handler runs, applies the
 * handler's outcome (ack / retry with backoff / release / dead-letter), and stops gracefully:
 * in-flight messages finish, or are handed back when the drain time is up.
 */
export class QueueConsumer {
  private readonly consumers: Consumer[] = [];
  private readonly inFlight = new Set<InFlight>();
  private readonly deletes: DeleteBatcher;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly sqs: SQSClient,
    readonly queue: QueueInfo,
    private readonly handler: QueueHandler,
    private readonly settings: QueueConsumerSettings,
    private readonly logger: Logger,
  ) {
    this.deletes = new DeleteBatcher(sqs, queue, logger, DELETE_LINGER_MS);
  }

  get visibilitySeconds(): number {
    return this.settings.visibilityTimeoutSeconds ?? this.queue.visibilityTimeoutSeconds;
  }

  /**
   * How long a message handed back during shutdown stays invisible: until this process's last long
   * polls have closed. Visible at once, it would bounce between them, each receive counting towards
   * the queue's redrive limit, and could reach the dead-letter queue before another worker saw it.
   */
  private get shutdownHoldSeconds(): number {
    return this.settings.waitTimeSeconds + 2;
  }

  /** Messages being handled right now. */
  get busy(): number {
    return this.inFlight.size;
  }

  start(): void {
    const batchSize = Math.max(1, Math.min(10, this.settings.batchSize, this.settings.concurrency));
    const count = Math.max(1, Math.ceil(this.settings.concurrency / batchSize));
    for (let i = 0; i < count; i += 1) {
      const consumer = Consumer.create({
        queueUrl: this.queue.url,
        sqs: this.sqs,
        batchSize,
        waitTimeSeconds: this.settings.waitTimeSeconds,
        visibilityTimeout: this.visibilitySeconds,
        messageSystemAttributeNames: ['ApproximateReceiveCount'],
        // The deprecated spelling too: the local SQS server only honours this one.
        attributeNames: ['ApproximateReceiveCount' as QueueAttributeName],
        messageAttributeNames: ['All'],
        handleMessage: (message) => this.process(message),
        // Acknowledged messages are deleted in batches (process → DeleteBatcher).
        shouldDeleteMessages: false,
        authenticationErrorTimeout: 2000,
      });
      consumer.on('error', (error) =>
        this.logger.warn({ err: error, queue: this.queue.name }, 'queue consumer error'),
      );
      consumer.on('processing_error', (error) =>
        this.logger.error({ err: error, queue: this.queue.name }, 'message processing error'),
      );
      consumer.start();
      this.consumers.push(consumer);
    }
    this.logger.info(
      { queue: this.queue.name, handler: this.handler.name, consumers: count, batchSize },
      'queue consumer started',
    );
  }

  /**
   * Stops receiving and waits up to `drainTimeoutMs` for in-flight messages. Handlers still running
   * then are aborted (WorkerShutdownError) and their messages made visible again, so nothing is lost.
   */
  stop(drainTimeoutMs: number): Promise<void> {
    this.stopping ??= this.drain(drainTimeoutMs);
    return this.stopping;
  }

  private async drain(drainTimeoutMs: number): Promise<void> {
    for (const consumer of this.consumers) consumer.stop();
    if (!(await this.settled(drainTimeoutMs))) {
      for (const entry of this.inFlight) entry.controller.abort(new WorkerShutdownError());
      if (!(await this.settled(SHUTDOWN_GRACE_MS))) {
        await Promise.all(
          [...this.inFlight].map(async (entry) => {
            entry.forced = true;
            if (entry.parsed)
              await this.handler
                .release?.(entry.parsed)
                .catch((error: unknown) => this.logger.warn({ err: error }, 'release failed'));
            await this.changeVisibility(entry.message, this.shutdownHoldSeconds);
          }),
        );
      }
    }
    // A long poll still open may return messages: they are handed back as they arrive.
    const deadline = Date.now() + (this.settings.waitTimeSeconds + 2) * 1000;
    while (this.consumers.some((consumer) => consumer.status.isPolling) && Date.now() < deadline)
      await sleep(50);
    await this.deletes.drain();
    this.logger.info({ queue: this.queue.name }, 'queue consumer stopped');
  }

  private async settled(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>(
        (resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))),
      );
      await Promise.race([Promise.allSettled([...this.inFlight].map((entry) => entry.done)), timeout]);
      clearTimeout(timer);
    }
    return this.inFlight.size === 0;
  }

  private async process(message: Message): Promise<Message | undefined> {
    if (this.stopping) {
      await this.changeVisibility(message, this.shutdownHoldSeconds);
      return undefined;
    }
    const entry: InFlight = { message, controller: new AbortController(), forced: false };
    const work = this.run(entry);
    entry.done = work;
    this.inFlight.add(entry);
    try {
      const ack = await work;
      if (!ack || entry.forced) return undefined;
      this.deletes.delete(message);
      return message;
    } finally {
      this.inFlight.delete(entry);
    }
  }

  /** Handles one message; true when it should be deleted. */
  private async run(entry: InFlight): Promise<boolean> {
    const started = Date.now();
    const { message } = entry;
    const receiveCount = Number(message.Attributes?.ApproximateReceiveCount ?? '1');
    const context: MessageContext = {
      queue: this.queue,
      messageId: message.MessageId ?? '',
      receiveCount,
      isLastReceive: this.queue.maxReceiveCount !== null && receiveCount >= this.queue.maxReceiveCount,
      signal: entry.controller.signal,
      logger: this.logger,
    };
    const line = { queue: this.queue.name, messageId: context.messageId, receiveCount };
    let parsed: ParsedMessage;
    try {
      const body = message.Body ?? '';
      parsed = this.handler.parse ? this.handler.parse(body) : parseMessage(body, this.handler.contracts);
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.logger.error(
          { ...line, reason: error.message, details: error.details },
          'malformed message moved to the dead-letter queue',
        );
        await this.handler
          .onMalformed?.(error, context)
          .catch((hookError: unknown) => this.logger.warn({ err: hookError }, 'onMalformed failed'));
        await moveToDeadLetter(this.sqs, this.queue, message, `MALFORMED_MESSAGE: ${error.message}`);
        return false;
      }
      this.logger.warn({ ...line, err: error }, 'message not readable by this consumer yet; retrying');
      return this.apply(entry, this.fallback(context));
    }
    entry.parsed = parsed;
    const { envelope } = parsed;
    const heartbeat = setInterval(() => void this.beat(entry, parsed, context), this.heartbeatMs());
    let outcome: HandlerOutcome;
    try {
      outcome = await requestContext.run(
        { requestId: envelope.correlationId, ...(envelope.tenantId ? { tenantId: envelope.tenantId } : {}) },
        () => this.handler.handle(parsed, context),
      );
    } catch (error) {
      this.logger.error(
        { ...line, err: error, operationId: envelope.operationId },
        'message handler failed unexpectedly',
      );
      outcome = this.fallback(context);
    } finally {
      clearInterval(heartbeat);
    }
    if (entry.forced) return false;
    this.logger.info(
      {
        ...line,
        messageType: envelope.messageType,
        operationId: envelope.operationId,
        correlationId: envelope.correlationId,
        outcome: outcome.action,
        ms: Date.now() - started,
      },
      'message',
    );
    return this.apply(entry, outcome);
  }

  private fallback(context: MessageContext): HandlerOutcome {
    return context.isLastReceive
      ? { action: 'release' }
      : { action: 'retry', delaySeconds: backoffSeconds(context.receiveCount, this.settings.retry) };
  }

  private async apply(entry: InFlight, outcome: HandlerOutcome): Promise<boolean> {
    switch (outcome.action) {
      case 'ack':
        return true;
      case 'retry':
        await this.changeVisibility(entry.message, outcome.delaySeconds);
        return false;
      case 'release':
        await this.changeVisibility(entry.message, 0);
        return false;
      case 'abandon':
        return false;
      case 'dead-letter':
        this.logger.error(
          { queue: this.queue.name, messageId: entry.message.MessageId, reason: outcome.reason },
          'message moved to the dead-letter queue',
        );
        await moveToDeadLetter(this.sqs, this.queue, entry.message, outcome.reason);
        return false;
      default: {
        const unknown: never = outcome;
        throw new Error(`Unknown outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Extends the message's visibility, then lets the handler extend its own lease. */
  private async beat(entry: InFlight, parsed: ParsedMessage, context: MessageContext): Promise<void> {
    if (entry.controller.signal.aborted) return;
    await this.changeVisibility(entry.message, this.visibilitySeconds);
    try {
      await this.handler.heartbeat?.(parsed, context);
    } catch (error) {
      this.logger.warn(
        { err: error, messageId: context.messageId },
        'heartbeat failed; aborting the handler',
      );
      entry.controller.abort(error);
    }
  }

  private heartbeatMs(): number {
    const seconds =
      this.settings.heartbeatIntervalSeconds ?? Math.max(1, Math.floor(this.visibilitySeconds / 3));
    return seconds * 1000;
  }

  private changeVisibility(message: Message, seconds: number): Promise<void> {
    return changeVisibility(this.sqs, this.queue, message, seconds, this.logger);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
