import fc from 'fast-check';

/** Path traversal, in the forms a router or a key builder might decode. */
export const TRAVERSALS = [
  '../',
  '..%2f',
  '%2e%2e%2f',
  '..%252f',
  '..\\',
  '../../../../etc/passwd',
  '%2e%2e/%2e%2e/',
];

/** SQL, NoSQL, template, script and shell injection, and what breaks naive key or log builders. */
export const INJECTIONS = [
  "' OR 1=1 --",
  '" OR ""="',
  '{"$ne":null}',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '$(id);`id`',
  '#PK = :pk',
  'TENANT#x|SITE#y',
  '%00',
  'null',
  'undefined',
  '__proto__',
];

/** Unicode the validators and the store must survive: emoji, RTL override, NUL and control characters, combining marks. */
export const ODD_UNICODE = [
  '🚀🔥👩‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  'שלום مرحبا',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  'Z\u0351\u0360\u0336a\u0334\u0322lgo',
  '\uFEFF\u200B\u2028\u2029',
  '\uD800',
  'e\u0301\u0301\u0301',
];

/** A hostile string: one of the lists above, or one fast-check builds from any code points or raw bytes. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...TRAVERSALS, ...INJECTIONS, ...ODD_UNICODE),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc
      .tuple(fc.constantFrom(...TRAVERSALS, ...INJECTIONS), fc.constantFrom(...ODD_UNICODE))
      .map(([a, b]) => `${a}${b}`),
  );
}

/** A hostile string that cannot be a valid id, enum value or pattern match (it always carries a character none allows). */
export function hostileToken(): fc.Arbitrary<string> {
  return hostileString().map((value) => (/[^A-Za-z0-9_-]/.test(value) ? value : `${value}<`));
}
