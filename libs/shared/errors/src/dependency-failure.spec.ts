import { dependencyFailure } from './dependency-failure';
import { DependencyUnavailableError } from './server.errors';

const sdkError = (fields: Record<string, unknown>, httpStatusCode?: number) =>
  Object.assign(new Error('sdk'), { ...fields, $metadata: { httpStatusCode, attempts: 3 } });

describe('dependencyFailure', () => {
  it.each([
    ['a refused connection', sdkError({ code: 'ECONNREFUSED' })],
    ['a reset connection', sdkError({ code: 'ECONNRESET' })],
    [
      'a refused connection the SDK wrapped',
      sdkError({ message: 'AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1' }),
    ],
    ['a socket timeout', sdkError({ name: 'TimeoutError' })],
    ['a 500 of the service', sdkError({ name: 'InternalServerError', $fault: 'server' }, 500)],
    ['a 503 of the service', sdkError({ name: 'SomethingNew' }, 503)],
    ['throttling after the retries', sdkError({ name: 'ProvisionedThroughputExceededException' }, 400)],
  ])('turns %s into a retryable 503 DEPENDENCY_UNAVAILABLE', (_case, error) => {
    const mapped = dependencyFailure(error);
    expect(mapped).toBeInstanceOf(DependencyUnavailableError);
    expect(mapped).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE', retryable: true });
  });

  it.each([
    ['a conditional check failure', sdkError({ name: 'ConditionalCheckFailedException' }, 400)],
    ['a validation error of the service', sdkError({ name: 'ValidationException' }, 400)],
    ['a missing table', sdkError({ name: 'ResourceNotFoundException' }, 400)],
    ['a refused connection outside the SDK', Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
    ['our own bug', new TypeError('undefined is not a function')],
    ['nothing', undefined],
  ])('leaves %s alone', (_case, error) => {
    expect(dependencyFailure(error)).toBeUndefined();
  });
});
