import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError as ClassValidatorError,
} from '@nestjs/common';
import { ValidationError, type FieldError } from '@bbws/shared-errors';

/**
 * The one global validation pipe: DTO classes only, unknown fields rejected, values transformed,
 * failures as VALIDATION_ERROR with per-field messages.
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationError('The request is not valid', flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      if (value === undefined || value === null) value = {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new ValidationError('The request body must be a JSON object');
      }
    }
    return super.transform(value, metadata);
  }
}

function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
