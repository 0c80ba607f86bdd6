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
    const malformed = metadata.type === 'custom' ? undefined : lonelySurrogateAt(value);
    if (malformed !== undefined) {
      throw new ValidationError('Text must be well-formed Unicode', [
        {
          field: malformed || metadata.type,
          messages: ['contains a lone surrogate (not a Unicode character)'],
        },
      ]);
    }
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      const inherited = inheritedNameAt(value);
      if (inherited !== undefined) {
        throw new ValidationError('The request is not valid', [
          { field: inherited, messages: [`property ${inherited.split('.').pop()} should not exist`] },
        ]);
      }
      if (value === undefined || value === null) value = {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new ValidationError('The request body must be a JSON object');
      }
    }
    return super.transform(value, metadata);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string holding a lone surrogate (JSON may carry one as `\ud800`; validators such as
 * isEmail throw on it instead of refusing it), `''` for the value itself, `undefined` when there is none.
 */
export function lonelySurrogateAt(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}

const OBJECT_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The path of the first key named like a property every object inherits (`constructor`, `toString`,
 * `hasOwnProperty`...): class-validator's whitelist looks field names up in a plain object, finds those
 * and lets them through as declared, so `{"constructor": 1}` passed as a known field.
 */
export function inheritedNameAt(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const at = path ? `${path}.${key}` : key;
      if (OBJECT_PROTOTYPE_NAMES.has(key)) return at;
      stack.push([child, at]);
    }
  }
  return undefined;
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
