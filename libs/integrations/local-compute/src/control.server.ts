import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsApiError } from './aws-api.error';
import { EcsActions } from './ecs.actions';
import { ecsErrorBody } from './ecs-json.codec';
import { Elbv2Actions } from './elbv2.actions';
import { ELBV2_VERSION, parseQueryParams, queryErrorXml, queryResponseXml } from './elbv2-query.codec';
import type { LocalDataPlane } from './local-data-plane';

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

/** A request the control endpoints received, as the wire carried it. */
export type ControlRequest =
  | { api: 'ecs'; target: string; contentType: string; body: unknown }
  | { api: 'elbv2'; action: string; version: string; contentType: string; params: Record<string, string> };

export interface ControlServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Sees every request before it is handled (tests assert the wire shapes with it). */
  observe?: (request: ControlRequest) => void;
}

export interface ControlServer {
  /** `http://127.0.0.1:{port}`: the ECS and the ELBv2 endpoint alike. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One HTTP endpoint for both APIs: ECS's JSON 1.1 protocol (dispatched on `X-Amz-Target`) and
 * ELBv2's query protocol (form `Action`), answering exactly what the AWS SDK clients parse.
 */
export async function startControlServer(
  plane: LocalDataPlane,
  options: ControlServerOptions = {},
): Promise<ControlServer> {
  const ecs = new EcsActions(plane);
  const elbv2 = new Elbv2Actions(plane);
  const server = createServer((request, response) => {
    void handle(request, response, { ecs, elbv2, observe: options.observe });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

interface Handlers {
  ecs: EcsActions;
  elbv2: Elbv2Actions;
  observe?: (request: ControlRequest) => void;
}

async function handle(request: IncomingMessage, response: ServerResponse, handlers: Handlers): Promise<void> {
  const raw = await readBody(request);
  const target = request.headers['x-amz-target'];
  const contentType = request.headers['content-type'] ?? '';
  if (typeof target === 'string') await handleEcs(target, contentType, raw, response, handlers);
  else await handleElbv2(contentType, raw, response, handlers);
}

async function handleEcs(
  target: string,
  contentType: string,
  raw: string,
  response: ServerResponse,
  handlers: Handlers,
): Promise<void> {
  const send = (status: number, body: string, errorType?: string) => {
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    response.end(body);
  };
  try {
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      throw new AwsApiError('SerializationException', 'The request body is not valid JSON.');
    }
    handlers.observe?.({ api: 'ecs', target, contentType, body });
    if (
      !target.startsWith(ECS_TARGET_PREFIX) ||
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body)
    )
      throw new AwsApiError('UnknownOperationException', `Unknown operation ${target}`);
    const result = await handlers.ecs.handle(
      target.slice(ECS_TARGET_PREFIX.length),
      body as Record<string, unknown>,
    );
    send(200, JSON.stringify(result));
  } catch (error) {
    const known =
      error instanceof AwsApiError ? error : new AwsApiError('ServerException', String(error), 500);
    send(known.status, ecsErrorBody(known.code, known.message), known.code);
  }
}

async function handleElbv2(
  contentType: string,
  raw: string,
  response: ServerResponse,
  handlers: Handlers,
): Promise<void> {
  const send = (status: number, body: string) => {
    response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
    response.end(body);
  };
  const form = new URLSearchParams(raw);
  const action = form.get('Action') ?? '';
  try {
    handlers.observe?.({
      api: 'elbv2',
      action,
      version: form.get('Version') ?? '',
      contentType,
      params: Object.fromEntries(form),
    });
    if (!contentType.startsWith('application/x-www-form-urlencoded') || !action)
      throw new AwsApiError('MissingAction', 'The request must be a form with an Action.');
    if (form.get('Version') !== ELBV2_VERSION)
      throw new AwsApiError('InvalidAction', `Version must be ${ELBV2_VERSION}.`);
    const result = await handlers.elbv2.handle(action, parseQueryParams(form));
    send(200, queryResponseXml(action, result));
  } catch (error) {
    const known =
      error instanceof AwsApiError ? error : new AwsApiError('InternalFailure', String(error), 500);
    send(known.status, queryErrorXml(known));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
