/** The parts of an OpenAPI 3.0 document the answers of the apps are checked against. */
export interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  responses?: Record<string, OpenApiAnswer>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | undefined>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiAnswer {
  content?: Record<string, { schema?: Schema }>;
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`${schema.$ref} is not in the document`);
  return resolve(document, target);
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/**
 * Where `value` departs from `schema`, one line per departure (`$.items[0].name: null, not nullable`):
 * a wrong type, a null the schema does not allow, a missing required property, a property the schema does
 * not describe (the SDK's types would not have it), a value outside an enum.
 */
export function schemaProblems(
  document: OpenApiDocument,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  const resolved = resolve(document, schema);
  if (value === null) return resolved.nullable ? [] : [`${at}: null, not nullable`];
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (alternatives) {
    const fits = alternatives.some((option) => schemaProblems(document, option, value, at).length === 0);
    return fits ? [] : [`${at}: matches none of its alternatives`];
  }
  if (resolved.allOf) return resolved.allOf.flatMap((part) => schemaProblems(document, part, value, at));
  if (resolved.enum && !resolved.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} not in its enum`];
  const actual = typeOf(value);
  const expected = resolved.type;
  if (expected && expected !== actual && !(expected === 'number' && actual === 'integer')) {
    return [`${at}: ${actual}, documented ${expected}`];
  }
  if (actual === 'array' && resolved.items) {
    return (value as unknown[]).flatMap((item, index) =>
      schemaProblems(document, resolved.items as Schema, item, `${at}[${index}]`),
    );
  }
  if (actual !== 'object' || !resolved.properties) return [];
  const record = value as Record<string, unknown>;
  const problems = (resolved.required ?? [])
    .filter((name) => !(name in record))
    .map((name) => `${at}.${name}: missing, documented required`);
  for (const [name, item] of Object.entries(record)) {
    const property = resolved.properties[name];
    if (property) problems.push(...schemaProblems(document, property, item, `${at}.${name}`));
    else if (!resolved.additionalProperties) problems.push(`${at}.${name}: not documented`);
  }
  return problems;
}

/** The departures of an answer's body from what the document says `method route` answers with `status`. */
export function answerProblems(
  document: OpenApiDocument,
  method: string,
  route: string,
  status: number,
  body: unknown,
): string[] {
  const answer = document.paths[route]?.[method.toLowerCase()]?.responses?.[String(status)];
  if (!answer) return [`${method} ${route}: ${status} is not a documented answer`];
  const schema = answer.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? [] : [`${method} ${route} ${status}: the body is not described`];
  return schemaProblems(document, schema, body);
}
