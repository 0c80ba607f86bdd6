import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/** The value serialized as JSON fits in `max` bytes (metadata objects, configuration blobs). */
export function MaxJsonBytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxJsonBytes',
      constraints: [max],
      validator: {
        validate: (value: unknown) => value === undefined || Buffer.byteLength(JSON.stringify(value)) <= max,
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must be at most $constraint1 bytes as JSON`,
          options,
        ),
      },
    },
    options,
  );
}

/** Names of people and organisations: letters, digits, spaces and . , & ' - */
export const ORGANIZATION_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .,&'-]*$/u;
