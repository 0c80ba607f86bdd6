import { BenchUsageError, parseBenchArgs } from './bench-options';

const KNOWN = ['api', 'lists', 'workers'];

describe('parseBenchArgs', () => {
  it('runs everything and writes the report by default', () => {
    expect(parseBenchArgs([], KNOWN)).toEqual({
      only: null,
      check: false,
      writeBaseline: false,
      write: true,
      quick: false,
    });
  });

  it('reads --only, --check, --write-baseline, --no-write and --quick', () => {
    expect(
      parseBenchArgs(['--only=api, lists', '--check', '--write-baseline', '--no-write', '--quick'], KNOWN),
    ).toEqual({ only: ['api', 'lists'], check: true, writeBaseline: true, write: false, quick: true });
  });

  it('refuses an unknown section or flag, naming what is known', () => {
    expect(() => parseBenchArgs(['--only=api,tenants'], KNOWN)).toThrow(
      new BenchUsageError('--only: unknown section(s) tenants; known: api, lists, workers'),
    );
    expect(() => parseBenchArgs(['--chek'], KNOWN)).toThrow(/unknown argument --chek/);
    expect(() => parseBenchArgs(['--only='], KNOWN)).toThrow(BenchUsageError);
  });
});
