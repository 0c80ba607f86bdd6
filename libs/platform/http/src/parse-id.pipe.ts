import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@bbws/shared-errors';
import { USER_ID_PATTERN, idPattern, type IdPrefix } from '@bbws/shared-util';

/** Path ids are validated: a malformed id is a 400, not a 404 (API.md § Identifiers). */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  /** Compiled once: every request with an id in its path runs it. */
  private readonly pattern: RegExp;

  constructor(
    private readonly prefix: IdPrefix,
    private readonly field: string,
  ) {
    this.pattern = idPattern(prefix);
  }

  transform(value: string): string {
    if (!this.pattern.test(value))
      throw ValidationError.field(this.field, `must look like ${this.prefix}-<uuid>`);
    return value;
  }
}

@Injectable()
export class ParseUserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USER_ID_PATTERN.test(value)) throw ValidationError.field('userId', 'is not a valid user id');
    return value;
  }
}

export const TenantIdPipe = new ParseIdPipe('tenant', 'tenantId');
