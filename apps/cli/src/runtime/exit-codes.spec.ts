import {
  BbwsApiError,
  BbwsConflictError,
  BbwsForbiddenError,
  BbwsNetworkError,
  BbwsNotFoundError,
  BbwsPreconditionFailedError,
  BbwsRateLimitedError,
  BbwsUnauthorizedError,
  BbwsUnavailableError,
  BbwsValidationError,
} from '@bbws/sdk';
import { PassThrough } from 'node:stream';
import { buildProgram } from '../program';
import { EXIT, EXIT_CODES_HELP, exitCodeFor } from './exit-codes';

describe('exit codes', () => {
  it.each([
    [new BbwsUnauthorizedError(401, 'UNAUTHORIZED', 'no token'), EXIT.AUTH],
    [new BbwsForbiddenError(403, 'FORBIDDEN', 'no role'), EXIT.AUTH],
    [new BbwsNotFoundError(404, 'TENANT_NOT_FOUND', 'gone'), EXIT.NOT_FOUND],
    [new BbwsNotFoundError(410, 'INVITATION_EXPIRED', 'expired'), EXIT.NOT_FOUND],
    [new BbwsConflictError(409, 'ALREADY_MEMBER', 'member'), EXIT.CONFLICT],
    [new BbwsPreconditionFailedError(412, 'PRECONDITION_FAILED', 'stale'), EXIT.CONFLICT],
    [new BbwsValidationError(400, 'VALIDATION_ERROR', 'bad'), EXIT.INVALID],
    [new BbwsValidationError(422, 'LAST_ADMIN', 'last'), EXIT.INVALID],
    [new BbwsRateLimitedError(429, 'RATE_LIMITED', 'slow down'), EXIT.UNAVAILABLE],
    [new BbwsUnavailableError(503, 'DEPENDENCY_UNAVAILABLE', 'down'), EXIT.UNAVAILABLE],
    [new BbwsNetworkError('http://127.0.0.1:1', new Error('ECONNREFUSED')), EXIT.UNAVAILABLE],
    [new BbwsApiError(418, 'HTTP_418', 'teapot'), EXIT.ERROR],
    [new Error('bug'), EXIT.ERROR],
  ])('maps %p to %p', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('are all distinct and all listed in the help epilogue', () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(EXIT_CODES_HELP).toMatch(new RegExp(`^  ${code}  \\S`, 'm'));
  });

  it('end `bbws --help`', () => {
    const stdout = new PassThrough();
    let help = '';
    stdout.on('data', (chunk: Buffer) => (help += chunk.toString()));
    const program = buildProgram({ stdout, stderr: new PassThrough(), env: {} });
    program.outputHelp();
    expect(help.trimEnd().endsWith(EXIT_CODES_HELP.trimEnd())).toBe(true);
  });
});
