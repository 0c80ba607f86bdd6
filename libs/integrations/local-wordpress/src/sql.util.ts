import { ValidationError } from '@bbws/shared-errors';

const IDENTIFIER = /^[A-Za-z0-9_]{1,64}$/;

/** A database or user name we create: letters, digits and underscores only, quoted with backticks. */
export function sqlIdentifier(name: string, what: 'database' | 'user'): string {
  if (!IDENTIFIER.test(name)) {
    throw ValidationError.field(what, `"${name}" must be 1-64 letters, digits or underscores`);
  }
  return `\`${name}\``;
}

export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0')}'`;
}
