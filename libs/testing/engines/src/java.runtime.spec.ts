import { parseMajor } from './java.runtime';

describe('parseMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['no java here', 0],
  ])('reads %s as Java %i', (output, major) => {
    expect(parseMajor(output)).toBe(major);
  });
});
