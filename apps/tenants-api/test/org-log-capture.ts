import { Writable } from 'node:stream';
import type { DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@bbws/platform-bootstrap';
import { createLogger, type Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';

/** Every JSON line the app's pino logger writes (same redaction as production), kept in memory. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor(level = 'trace') {
    const lines = this.lines;
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    this.logger = createLogger({ name: 'tenants-api', level, destination: stream });
  }

  text(): string {
    return this.lines.join('\n');
  }
}

/** The app module with its platform module logging into `capture` instead of stdout. */
export function withLogger(
  module: DynamicModule,
  config: PlatformConfig,
  clock: Clock,
  capture: LogCapture,
): DynamicModule {
  return {
    ...module,
    imports: (module.imports ?? []).map((entry) =>
      (entry as DynamicModule).module === PlatformModule
        ? PlatformModule.forRoot({ config, clock, readinessTables: ['tenants'], logger: capture.logger })
        : entry,
    ),
  };
}
