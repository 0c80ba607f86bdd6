import 'reflect-metadata';
import { Controller, Delete, Get, Module, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, type OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '@bbws/platform-bootstrap';
import { ApiErrors } from './api-errors.decorator';
import { ApiIdempotent } from './idempotent.decorator';
import { ApiIfMatch } from './if-match.decorator';

@ApiTags('things')
@ApiErrors(401, 403)
@Controller('v1.0/things')
class ThingsController {
  @Post()
  @ApiOperation({ summary: 'Create a thing' })
  @ApiIdempotent()
  @ApiErrors(400)
  create() {
    return {};
  }

  @Delete(':thingId')
  @ApiOperation({ summary: 'Delete a thing' })
  @ApiIfMatch()
  @ApiErrors(404)
  remove() {
    return undefined;
  }

  @Get('public')
  @ApiOperation({ summary: 'Anyone may read this', security: [] })
  open() {
    return {};
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const ENVELOPE = { $ref: '#/components/schemas/ErrorResponseDto' };

describe('OpenAPI decorators and document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await buildOpenApiDocument(ThingsModule, {
      title: 'BBWS things',
      description: 'Test document',
    });
  });

  const responses = (path: string, method: 'get' | 'post' | 'delete') =>
    document.paths[path][method]!.responses as Record<
      string,
      { content?: Record<string, { schema: unknown }> }
    >;

  it('documents each listed error status with the error envelope, class-level ones on every route', () => {
    const create = responses('/v1.0/things', 'post');
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '422']));
    for (const status of ['400', '401', '403', '409', '422'])
      expect(create[status].content?.['application/json'].schema).toEqual(ENVELOPE);
    expect(Object.keys(responses('/v1.0/things/{thingId}', 'delete'))).toEqual(
      expect.arrayContaining(['401', '403', '404', '412']),
    );
    const envelope = document.components!.schemas!.ErrorResponseDto as { required: string[] };
    expect(envelope.required).toEqual(['error', 'requestId', 'timestamp']);
  });

  it('documents Idempotency-Key and If-Match as optional headers', () => {
    const header = (path: string, method: 'post' | 'delete') =>
      (document.paths[path][method]!.parameters as { name: string; in: string; required: boolean }[]).find(
        (parameter) => parameter.in === 'header',
      );
    expect(header('/v1.0/things', 'post')).toMatchObject({ name: 'Idempotency-Key', required: false });
    expect(header('/v1.0/things/{thingId}', 'delete')).toMatchObject({ name: 'If-Match', required: false });
  });

  it('requires a bearer JWT unless a route says otherwise, and names a license', () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.components!.securitySchemes!.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.paths['/v1.0/things/public'].get!.security).toEqual([]);
    expect(document.info.license?.name).toMatch(/UNLICENSED/);
  });
});
