import { ValidationError } from '@bbws/shared-errors';
import { sqlIdentifier, sqlString } from './sql.util';

describe('sqlIdentifier', () => {
  it('quotes names made of letters, digits and underscores', () => {
    expect(sqlIdentifier('acme_prod_db', 'database')).toBe('`acme_prod_db`');
  });

  it.each(['', 'a-b', 'a`b', 'a b', 'x'.repeat(65)])('rejects %p', (name) => {
    expect(() => sqlIdentifier(name, 'database')).toThrow(ValidationError);
  });
});

describe('sqlString', () => {
  it('escapes quotes, backslashes and NUL so a value cannot end the literal', () => {
    expect(sqlString("it's a \\ test\0")).toBe("'it\\'s a \\\\ test\\0'");
  });
});
