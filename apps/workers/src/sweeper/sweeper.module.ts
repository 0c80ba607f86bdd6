import { Module } from '@nestjs/common';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, LOGGER, provideFactory } from '@bbws/platform-bootstrap';
import { OperationSweeper } from '@bbws/platform-operations';
import { EventPublisher, MessageProducer } from '@bbws/platform-sqs';
import { WORKERS_CONFIG } from '../workers.tokens';
import { SweeperTask } from './sweeper.task';

const SWEEP_BATCH_LIMIT = 500;

/** The operation sweeper, run periodically. */
@Module({
  providers: [
    provideFactory(
      OperationSweeper,
      [OperationDao, MessageProducer, EventPublisher, CLOCK, LOGGER, WORKERS_CONFIG],
      (operations, producer, events, clock, logger, config) =>
        new OperationSweeper(operations, producer, events, clock, logger, {
          resendAfterMs: config.workers.sweeper.resendAfterMs,
          batchLimit: SWEEP_BATCH_LIMIT,
        }),
    ),
    provideFactory(
      SweeperTask,
      [OperationSweeper, WORKERS_CONFIG],
      (sweeper, config) => new SweeperTask(sweeper, config.workers.sweeper.intervalMs),
    ),
  ],
  exports: [SweeperTask],
})
export class SweeperModule {}
