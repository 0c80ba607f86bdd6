import type { JsonSchema } from './openapi-routes';

/** Values by property name where the schema alone cannot say what is valid (formats the documents leave as text). */
const NAMED_VALUES: Array<[RegExp, (ids: Record<string, string>) => unknown]> = [
  [/email$/i, () => 'fuzz.member@fuzz.example'],
  [/^url$/i, () => 'https://hooks.example.com/fuzz'],
  [/version$/i, (ids) => ids.version ?? '1.0.0'],
  [/^subdomain$/, () => 'fuzz-site-copy'],
  [/^slug$/, () => 'fuzz-page'],
  [/^contentType$/, () => 'application/zip'],
  [/^wpSlug$/, () => 'fuzz-plugin'],
  [/^teamIds$/, (ids) => (ids.teamId ? [ids.teamId] : [])],
  [/^(plugins|conflictsWith)$/, (ids) => (ids.pluginId ? [ids.pluginId] : [])],
];

function sized(schema: JsonSchema, text: string): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, text.length);
  return text.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, text.length)));
}

/**
 * A value the schema accepts, for a request that should get past validation to the authorization and
 * ownership checks: the documented example, else the first enum value or the default, else one built
 * from the type and bounds. Ids come from `ids` by property name (`siteId`, `backupId`...).
 */
export function exampleOf(schema: JsonSchema, ids: Record<string, string>, name = ''): unknown {
  if (name && ids[name] !== undefined) return ids[name];
  const named = NAMED_VALUES.find(([pattern]) => pattern.test(name));
  if (named) return named[1](ids);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.nullable) return null;
  switch (schema.type ?? 'object') {
    case 'object':
      return objectExample(schema, ids);
    case 'array':
      return schema.items ? [exampleOf(schema.items, ids)] : [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return sized(schema, 'Fuzz value text');
    default:
      return objectExample(schema, ids);
  }
}

function objectExample(schema: JsonSchema, ids: Record<string, string>): Record<string, unknown> {
  // Every property: some rules span fields ("reason is required to suspend", "give at least one of...").
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(property, ids, name)]),
  );
}

/** Body properties that carry ids (e.g. `teamIds`, `backupId`), by name. */
export function idProperties(schema: JsonSchema | undefined): string[] {
  return Object.keys(schema?.properties ?? {}).filter((name) => /Ids?$/.test(name));
}
