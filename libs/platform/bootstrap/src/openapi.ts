import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppDescription } from './create-app';

const BEARER = 'bearer';

/** Info, license and security shared by every app's document: every route takes a bearer JWT unless marked public. */
function documentConfig(description: AppDescription): Omit<OpenAPIObject, 'paths'> {
  return (
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion(description.version ?? '1.0')
      // package.json: UNLICENSED, i.e. proprietary; the url says what that term means.
      .setLicense(
        'UNLICENSED (proprietary)',
        'https://docs.npmjs.com/cli/configuring-npm/package-json#license',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
      .addSecurityRequirements(BEARER)
      .addServer('/')
      .build()
  );
}

function createDocument(app: INestApplication, description: AppDescription): OpenAPIObject {
  return SwaggerModule.createDocument(app, documentConfig(description));
}

/** Serves the document at /docs-json and the UI at /docs; built on the first request, not at boot (cold start). */
export function setupOpenApi(app: INestApplication, description: AppDescription): void {
  SwaggerModule.setup('docs', app, () => createDocument(app, description), {
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
  });
}

/**
 * The app's document without running it: Nest's preview mode builds the module graph but instantiates no
 * provider, so nothing connects to a table, a queue or a port.
 */
export async function buildOpenApiDocument(
  module: Type | DynamicModule,
  description: AppDescription,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return createDocument(app, description);
  } finally {
    await app.close();
  }
}
