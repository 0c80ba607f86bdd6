import { CliError } from '../runtime/run-action';
import { EXIT } from '../runtime/exit-codes';
import { parseSettings } from './key-value-settings';

describe('parseSettings', () => {
  it('splits each pair at its first "=" and keeps values as text by default', () => {
    expect(parseSettings(['title=Coastal Bakery', 'tagline=a=b', 'language=', 'count=3'])).toEqual({
      title: 'Coastal Bakery',
      tagline: 'a=b',
      language: '',
      count: '3',
    });
  });

  it('reads JSON values when typed, text otherwise; the last pair of a key wins', () => {
    expect(
      parseSettings(
        ['limit=3', 'on=true', 'none=null', 'nested={"a":[1]}', 'focus=bread', 'focus=rye'],
        true,
      ),
    ).toEqual({ limit: 3, on: true, none: null, nested: { a: [1] }, focus: 'rye' });
  });

  it.each(['title', '=value', ' =x'])('refuses %p as a usage error', (pair) => {
    let refusal: unknown;
    try {
      parseSettings([pair]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CliError);
    expect(refusal).toMatchObject({ exitCode: EXIT.USAGE, message: expect.stringContaining('key=value') });
  });
});
