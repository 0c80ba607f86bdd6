import { IsEmail } from 'class-validator';
import { ValidationError } from '@bbws/shared-errors';
import { StrictValidationPipe, lonelySurrogateAt } from './strict-validation.pipe';

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
