import { json, scriptedFetch, type Answer } from '../../test/scripted-fetch';
import {
  OperationCancelledError,
  OperationFailedError,
  OperationTimeoutError,
  createBbwsClient,
  waitForOperation,
  type Operation,
} from '../index';

const operation = (status: string, progress: number, currentStep: string | null, extra: object = {}) =>
  json(200, {
    operationId: 'op-1',
    type: 'SITE_CREATION',
    status,
    progress,
    currentStep,
    error: null,
    ...extra,
  });

function clientAnswering(...answers: Answer[]) {
  const scripted = scriptedFetch(...answers);
  return {
    ...scripted,
    bbws: createBbwsClient({ baseUrl: 'http://api.test', fetch: scripted.fetch, retry: false }),
  };
}

const accepted = (location: string) => ({
  response: new Response(null, { status: 202, headers: { location } }),
  data: { operationId: 'op-1' },
});

describe('waitForOperation', () => {
  it("follows the 202's Location to COMPLETED, reporting each change once", async () => {
    const { bbws, seen } = clientAnswering(
      operation('PENDING', 0, null),
      operation('IN_PROGRESS', 40, 'CREATE_DATABASE'),
      operation('IN_PROGRESS', 40, 'CREATE_DATABASE'),
      operation('IN_PROGRESS', 80, 'INSTALL_WORDPRESS'),
      operation('COMPLETED', 100, null, { result: { siteId: 'site-1' } }),
    );
    const progress: Operation[] = [];
    const done = await waitForOperation(bbws, accepted('/v1.0/operations/op-1?from=location'), {
      intervalMs: 1,
      onProgress: (state) => progress.push(state),
    });
    expect(done).toMatchObject({ status: 'COMPLETED', result: { siteId: 'site-1' } });
    expect(progress.map((state) => `${state.status}:${state.progress}:${state.currentStep}`)).toEqual([
      'PENDING:0:null',
      'IN_PROGRESS:40:CREATE_DATABASE',
      'IN_PROGRESS:80:INSTALL_WORDPRESS',
      'COMPLETED:100:null',
    ]);
    expect(new Set(seen.map((request) => request.url))).toEqual(
      new Set(['http://api.test/v1.0/operations/op-1?from=location']),
    );
  });

  it('throws OperationFailedError carrying the error code of a FAILED operation', async () => {
    const { bbws, seen } = clientAnswering(
      operation('FAILED', 30, 'CREATE_DATABASE', {
        error: { code: 'INSTANCE_NOT_READY', message: 'no instance' },
      }),
    );
    const error = await waitForOperation(bbws, 'op-1', { intervalMs: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({ code: 'INSTANCE_NOT_READY', operation: { status: 'FAILED' } });
    expect(seen[0].url).toBe('http://api.test/v1.0/operations/op-1');
  });

  it('throws OperationCancelledError for a CANCELLED operation', async () => {
    const { bbws } = clientAnswering(operation('CANCELLED', 0, null));
    await expect(waitForOperation(bbws, 'op-1')).rejects.toBeInstanceOf(OperationCancelledError);
  });

  it('gives up after timeoutMs with the last state seen', async () => {
    const { bbws } = clientAnswering(operation('IN_PROGRESS', 10, 'WAIT'));
    const error = await waitForOperation(bbws, 'op-1', { intervalMs: 5, timeoutMs: 30 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 30, operation: { status: 'IN_PROGRESS', progress: 10 } });
  });

  it('stops when its signal aborts', async () => {
    const { bbws, seen } = clientAnswering(operation('IN_PROGRESS', 10, 'WAIT'));
    const controller = new AbortController();
    const waiting = waitForOperation(bbws, 'op-1', { intervalMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(waiting).rejects.toThrow('stop');
    expect(seen).toHaveLength(1);
  });

  it('aborts a read in flight when its signal aborts', async () => {
    const controller = new AbortController();
    const hanging = (async (input: Request) =>
      new Promise<Response>((_resolve, reject) =>
        input.signal.addEventListener('abort', () => reject(input.signal.reason), { once: true }),
      )) as typeof globalThis.fetch;
    const bbws = createBbwsClient({ baseUrl: 'http://api.test', fetch: hanging, retry: false });
    const waiting = waitForOperation(bbws, 'op-1', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 20);
    await expect(waiting).rejects.toThrow('stop now');
  });

  it('falls back to the operationId when the answer has no Location', async () => {
    const { bbws, seen } = clientAnswering(operation('COMPLETED', 100, null));
    await waitForOperation(bbws, {
      response: new Response(null, { status: 202 }),
      data: { operationId: 'op-1' },
    });
    expect(seen[0].url).toBe('http://api.test/v1.0/operations/op-1');
  });
});
