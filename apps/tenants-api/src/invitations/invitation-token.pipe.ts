import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@bbws/shared-errors';
import { INVITATION_TOKEN_PATTERN } from './invitation-token';

/** A malformed token is a 400 whose message never repeats it. */
@Injectable()
export class InvitationTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!INVITATION_TOKEN_PATTERN.test(value))
      throw ValidationError.field('token', 'is not a valid invitation token');
    return value;
  }
}
