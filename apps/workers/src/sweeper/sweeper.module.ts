import { Module } from '@nestjs/common';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, LOGGER } from '@bbws/platform-bootstrap';
import { OperationSweeper } from '@bbws/platform-operations';
import { EventPublisher, MessageProducer } from '@bbws/platform-sqs';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { WorkersConfig } from '../config/workers.config';
import { WORKERS_CONFIG } from '../workers.tokens';
import { SweeperTask } from './sweeper.task';

const SWEEP_BATCH_LIMIT = 500;

/** The operation sweeper, run periodically. */
@Module({
  providers: [
    {
      provide: SweeperTask,
      useFactory: (
        operations: OperationDao,
        producer: MessageProducer,
        events: EventPublisher,
        clock: Clock,
        logger: Logger,
        config: WorkersConfig,
      ) =>
        new SweeperTask(
          new OperationSweeper(operations, producer, events, clock, logger, {
            resendAfterMs: config.workers.sweeper.resendAfterMs,
            batchLimit: SWEEP_BATCH_LIMIT,
          }),
          config.workers.sweeper.intervalMs,
        ),
      inject: [OperationDao, MessageProducer, EventPublisher, CLOCK, LOGGER, WORKERS_CONFIG],
    },
  ],
  exports: [SweeperTask],
})
export class SweeperModule {}
