import type { TestRequest } from '@bbws/testing-e2e';
import type { FuzzApp } from './fuzz-apps';

export type JsonSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
};

export interface RouteParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

/** One method and path of an app's OpenAPI document, its schemas resolved. */
export interface Route {
  app: FuzzApp;
  method: TestRequest['method'];
  /** As the document names it, e.g. `/v1.0/tenants/{tenantId}/sites/{siteId}`. */
  path: string;
  summary: string;
  parameters: RouteParameter[];
  body?: JsonSchema;
  /** `security: []`: no token needed. */
  isPublic: boolean;
}

interface OpenApiOperation {
  summary?: string;
  parameters?: RouteParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** `$ref`s and single-entry `allOf`s replaced by the schemas they name (the documents have no cycles). */
function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop() as string], schemas);
  if (schema.allOf?.length === 1) {
    const { allOf, ...rest } = schema;
    return { ...resolve(allOf[0], schemas), ...rest };
  }
  return {
    ...schema,
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [name, resolve(property, schemas)]),
          ),
        }
      : {}),
    ...(schema.items ? { items: resolve(schema.items, schemas) } : {}),
  };
}

/** Every route of the document the app serves at /docs-json. */
export async function documentedRoutes(app: FuzzApp): Promise<Route[]> {
  const response = await app.api.request<OpenApiDocument>({ method: 'GET', url: '/docs-json' });
  if (response.status !== 200) throw new Error(`${app.name} /docs-json answered ${response.status}`);
  const schemas = response.body.components?.schemas ?? {};
  return Object.entries(response.body.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): Route => {
      const body = operation.requestBody?.content?.['application/json']?.schema;
      return {
        app,
        method: method.toUpperCase() as Route['method'],
        path,
        summary: operation.summary ?? '',
        parameters: (operation.parameters ?? []).map((parameter) => ({
          ...parameter,
          schema: resolve(parameter.schema ?? {}, schemas),
        })),
        body: body ? resolve(body, schemas) : undefined,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      };
    }),
  );
}

export function pathParameters(route: Route): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

export function routeName(route: Route): string {
  return `${route.method} ${route.path}`;
}
