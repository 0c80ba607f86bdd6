import { IsEmail } from 'class-validator';
import { ValidationError } from '@bbws/shared-errors';
import { StrictValidationPipe, inheritedNameAt, lonelySurrogateAt } from './strict-validation.pipe';

class EmailDto {
  @IsEmail()
  email!: string;
}

describe('lonelySurrogateAt', () => {
  it('finds a lone high or low surrogate anywhere in a value, by path', () => {
    expect(lonelySurrogateAt('a\uD800')).toBe('');
    expect(lonelySurrogateAt({ a: { b: ['x', '\uDC00y'] } })).toBe('a.b.1');
  });

  it('accepts pairs (emoji), other text and non-strings', () => {
    expect(lonelySurrogateAt({ a: '🚀 שלום \u202E', b: 1, c: null, d: [true] })).toBeUndefined();
  });
});

describe('StrictValidationPipe', () => {
  it('refuses a lone surrogate with VALIDATION_ERROR (isEmail would throw a URIError on it)', async () => {
    const refused = new StrictValidationPipe()
      .transform({ email: 'a\uD800@example.com' }, { type: 'body', metatype: EmailDto })
      .catch((error: unknown) => error);
    await expect(refused).resolves.toBeInstanceOf(ValidationError);
    await expect(refused).resolves.toMatchObject({
      details: { fields: [{ field: 'email', messages: [expect.stringContaining('lone surrogate')] }] },
    });
  });
});

describe('inheritedNameAt', () => {
  it('finds keys named like Object.prototype properties, at any depth', () => {
    expect(inheritedNameAt({ name: 'x', constructor: 1 })).toBe('constructor');
    expect(inheritedNameAt({ a: [{ toString: 'y' }] })).toBe('a.0.toString');
    expect(inheritedNameAt({ name: 'x', nested: { valueOf: 1 } })).toBe('nested.valueOf');
    expect(inheritedNameAt({ name: 'x', nested: { other: 1 } })).toBeUndefined();
  });
});

describe('StrictValidationPipe and inherited names', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty'])(
    'refuses a body field named %s as an unknown field (the whitelist let it through)',
    async (key) => {
      const refused = new StrictValidationPipe()
        .transform(JSON.parse(`{"email":"bob@example.com","${key}":"x"}`), {
          type: 'body',
          metatype: EmailDto,
        })
        .catch((error: unknown) => error);
      await expect(refused).resolves.toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { fields: [{ field: key }] },
      });
    },
  );
});
