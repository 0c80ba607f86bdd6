import { AppError } from '@bbws/shared-errors';

/** PHP, MariaDB or WordPress core are not installed on this machine (local data plane only). */
export class LocalRuntimeMissingError extends AppError {
  readonly status = 503;

  constructor(
    readonly missing: readonly string[],
    readonly installCommand: string,
  ) {
    super(
      'LOCAL_RUNTIME_MISSING',
      `The local WordPress runtime is missing ${missing.join(', ')}; install the OS packages with: ${installCommand}`,
      { missing: [...missing], installCommand },
    );
  }
}
