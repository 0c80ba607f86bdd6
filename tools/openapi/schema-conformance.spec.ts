import { answerProblems, schemaProblems, type OpenApiDocument } from './schema-conformance';

const document: OpenApiDocument = {
  paths: {
    '/v1.0/things': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingList' } } } },
          '204': {},
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          thingId: { type: 'string' },
          size: { type: 'integer' },
          status: { type: 'string', enum: ['ON', 'OFF'] },
          note: { type: 'string', nullable: true },
          _links: { type: 'object', additionalProperties: true },
        },
        required: ['thingId', 'status', 'note'],
      },
      ThingList: {
        type: 'object',
        properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } },
        required: ['items'],
      },
    },
  },
};

const thing = { thingId: 'thing-1', size: 2, status: 'ON', note: null, _links: { self: { href: '/x' } } };
const problemsOf = (value: unknown) => answerProblems(document, 'GET', '/v1.0/things', 200, value);

describe('schemaProblems / answerProblems', () => {
  it('accepts an answer that matches its schema, nullable and free-form properties included', () => {
    expect(problemsOf({ items: [thing, { thingId: 'thing-2', status: 'OFF', note: 'n' }] })).toEqual([]);
  });

  it.each([
    [
      'a null the schema does not allow',
      { ...thing, thingId: null },
      '$.items[0].thingId: null, not nullable',
    ],
    [
      'a missing required property',
      { thingId: 'x', status: 'ON' },
      '$.items[0].note: missing, documented required',
    ],
    ['an undocumented property', { ...thing, colour: 'red' }, '$.items[0].colour: not documented'],
    ['a wrong type', { ...thing, size: 1.5 }, '$.items[0].size: number, documented integer'],
    [
      'a value outside the enum',
      { ...thing, status: 'BROKEN' },
      '$.items[0].status: "BROKEN" not in its enum',
    ],
  ])('names %s', (_case, item, problem) => {
    expect(problemsOf({ items: [item] })).toEqual([problem]);
  });

  it('names answers the document does not have or does not describe', () => {
    expect(answerProblems(document, 'GET', '/v1.0/things', 201, {})).toEqual([
      'GET /v1.0/things: 201 is not a documented answer',
    ]);
    expect(answerProblems(document, 'GET', '/v1.0/things', 204, undefined)).toEqual([]);
    expect(answerProblems(document, 'GET', '/v1.0/things', 204, {})).toEqual([
      'GET /v1.0/things 204: the body is not described',
    ]);
  });

  it('follows references and reports where in the value a departure is', () => {
    expect(schemaProblems(document, { $ref: '#/components/schemas/ThingList' }, { items: 'x' })).toEqual([
      '$.items: string, documented array',
    ]);
  });
});
