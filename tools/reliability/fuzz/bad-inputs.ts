import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-request';
import { TRAVERSALS, hostileString, hostileToken } from './hostile-strings';
import type { JsonSchema, Route } from './openapi-routes';
import { exampleOf } from './schema-example';

/** One invalid request and what makes it invalid. */
export interface BadInput {
  kind: string;
  request: FuzzRequest;
}

type Body = Record<string, unknown>;

const HUGE = 'x'.repeat(1024 * 1024);

/** Percent-encodes every UTF-8 byte (encodeURIComponent throws on a lone surrogate, which is an input here). */
function encodeBytes(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function fillPath(path: string, values: Record<string, string>, raw: readonly string[] = []): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    raw.includes(name) ? values[name] : encodeBytes(values[name]),
  );
}

/** A value of another JSON type than the schema's (never null: null reads as "absent" for optional fields). */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const others: Array<fc.Arbitrary<unknown>> = [];
  if (schema.type !== 'string') others.push(hostileString(), fc.constant('five'));
  if (schema.type !== 'number' && schema.type !== 'integer')
    others.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (schema.type !== 'boolean') others.push(fc.boolean());
  if (schema.type !== 'array') others.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (schema.type !== 'object' && !schema.enum)
    others.push(fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
  return fc.oneof(...others);
}

/** Values breaking the schema's bounds: too long or short, out of range, too many items, not in the enum or pattern. */
function outOfBounds(schema: JsonSchema, example: unknown): Array<[string, fc.Arbitrary<unknown>]> {
  const cases: Array<[string, fc.Arbitrary<unknown>]> = [];
  if (schema.maxLength !== undefined)
    cases.push(['maxLength+1', fc.constant('y'.repeat(schema.maxLength + 1))]);
  if (schema.minLength) cases.push(['minLength-1', fc.constant('y'.repeat(schema.minLength - 1))]);
  if (schema.maximum !== undefined) cases.push(['maximum+1', fc.constant(schema.maximum + 1)]);
  if (schema.minimum !== undefined) cases.push(['minimum-1', fc.constant(schema.minimum - 1)]);
  if (schema.maxItems !== undefined && Array.isArray(example))
    cases.push([
      'maxItems+1',
      fc.constant(Array.from({ length: schema.maxItems + 1 }, () => example[0] ?? 'x')),
    ]);
  if (schema.enum || schema.pattern) cases.push(['not in enum or pattern', hostileToken()]);
  return cases;
}

/** Properties replaced by hostile strings next to the one change that makes the body invalid. */
function withNoise(body: Body, keep: string, schema: JsonSchema): fc.Arbitrary<Body> {
  const texts = Object.entries(schema.properties ?? {})
    .filter(([name, property]) => name !== keep && property.type === 'string')
    .map(([name]) => name);
  if (!texts.length) return fc.constant(body);
  return fc
    .record(Object.fromEntries(texts.map((name) => [name, fc.option(hostileString(), { nil: undefined })])))
    .map((noise) => ({
      ...body,
      ...Object.fromEntries(Object.entries(noise).filter(([, value]) => value !== undefined)),
    }));
}

function bodyInputs(route: Route, base: FuzzRequest): Array<fc.Arbitrary<BadInput>> {
  const schema = route.body as JsonSchema;
  const valid = exampleOf(schema, {}) as Body;
  const body = { ...valid, ...(base.body as Body) };
  const as = (kind: string) => (changed: unknown) => ({ kind, request: { ...base, body: changed } });
  const raw = (kind: string) => (text: string) => ({
    kind,
    request: { ...base, body: undefined, rawBody: text },
  });
  const properties = Object.entries(schema.properties ?? {});
  const inputs: Array<fc.Arbitrary<BadInput>> = [
    fc
      .tuple(
        fc.constantFrom(
          'isPlatformAdmin',
          'tenantId',
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          '$where',
          'role ',
        ),
        fc.string(),
      )
      .chain(([name, suffix]) => withNoise({ ...body, [`${name}${suffix}`]: 'x' }, '', schema))
      .map(as('unknown field')),
    fc
      .constantFrom(
        '{',
        '{"a":',
        "{'a':1}",
        '[1,2',
        '{"a":1}}',
        'nul',
        '\u0000',
        JSON.stringify(body).slice(0, -1),
      )
      .map(raw('malformed JSON')),
    fc.constantFrom('[]', '"text"', '42', 'true', '[{}]').map(raw('body not an object')),
    fc
      .integer({ min: 64, max: 20_000 })
      .map((depth) => `{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`)
      .map(raw('nested depth bomb')),
  ];
  const text = properties.find(([, property]) => property.type === 'string');
  inputs.push(fc.constant(as('huge string (1 MB)')({ ...body, [text?.[0] ?? 'padding']: HUGE })));
  for (const name of schema.required ?? []) {
    const { [name]: _dropped, ...rest } = body;
    inputs.push(withNoise(rest, name, schema).map(as('missing required field')));
  }
  for (const [name, property] of properties) {
    inputs.push(
      wrongType(property)
        .chain((value) => withNoise({ ...body, [name]: value }, name, schema))
        .map(as('wrong type')),
    );
    for (const [kind, value] of outOfBounds(property, body[name]))
      inputs.push(value.chain((bad) => withNoise({ ...body, [name]: bad }, name, schema)).map(as(kind)));
    if (/Ids?$/.test(name))
      inputs.push(
        hostileToken()
          .map((bad) => ({ ...body, [name]: property.type === 'array' ? [bad] : bad }))
          .map(as('hostile id in the body')),
      );
  }
  return inputs;
}

function pathInputs(
  route: Route,
  ids: Record<string, string>,
  base: FuzzRequest,
): Array<fc.Arbitrary<BadInput>> {
  return [...route.path.matchAll(/\{(\w+)\}/g)].flatMap(([, name]) => [
    hostileToken().map((bad) => ({
      kind: 'hostile path id',
      request: { ...base, url: fillPath(route.path, { ...ids, [name]: bad }) },
    })),
    fc.constantFrom(...TRAVERSALS.filter((value) => !value.includes('\\'))).map((bad) => ({
      kind: 'path traversal (raw)',
      request: { ...base, url: fillPath(route.path, { ...ids, [name]: `${bad}${ids[name]}` }, [name]) },
    })),
  ]);
}

function queryInputs(route: Route, base: FuzzRequest): Array<fc.Arbitrary<BadInput>> {
  return route.parameters
    .filter((parameter) => parameter.in === 'query')
    .flatMap((parameter) => {
      const { schema, name } = parameter;
      const bad: Array<fc.Arbitrary<string>> = [];
      if (schema.enum) bad.push(hostileToken());
      if (schema.type === 'number')
        bad.push(fc.constantFrom('abc', '1e309', '-1', '12abc', `${(schema.maximum ?? 100) + 1}`, '1.5'));
      if (schema.type === 'boolean') bad.push(fc.constantFrom('maybe', '2', 'yes please'));
      if (schema.maxLength !== undefined) bad.push(fc.constant('q'.repeat(schema.maxLength + 1)));
      if (name === 'startAt')
        bad.push(fc.oneof(hostileString(), fc.base64String({ minLength: 8, maxLength: 200 })));
      if (/Id$/.test(name)) bad.push(hostileToken());
      return bad.map((values) =>
        values.map((value) => ({
          kind: `bad query ${name}`,
          request: { ...base, url: `${base.url}?${new URLSearchParams({ [name]: value })}` },
        })),
      );
    });
}

function headerInputs(route: Route, base: FuzzRequest): Array<fc.Arbitrary<BadInput>> {
  return route.parameters
    .filter((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key')
    .map(() =>
      fc.constantFrom('k'.repeat(129), ' ', 'key\u0007bell').map((value) => ({
        kind: 'bad Idempotency-Key',
        request: { ...base, headers: { 'idempotency-key': value } },
      })),
    );
}

/**
 * Every kind of bad input the route takes (body, path ids, query, headers), each one request that the API
 * must refuse with a 4xx: `undefined` when the route takes no input at all.
 */
export function badInputs(
  route: Route,
  ids: Record<string, string>,
  token?: string,
): fc.Arbitrary<BadInput> | undefined {
  const base: FuzzRequest = {
    method: route.method,
    url: fillPath(route.path, ids),
    token,
    ...(route.body ? { body: exampleOf(route.body, ids) } : {}),
  };
  const inputs = [
    ...(route.body ? bodyInputs(route, base) : []),
    ...pathInputs(route, ids, base),
    ...queryInputs(route, base),
    ...headerInputs(route, base),
  ];
  return inputs.length ? fc.oneof(...inputs) : undefined;
}
