import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account';
import { listObjectsV2Shim } from './list-objects-v2.shim';
import { verifySigV4, type SignatureRefusal } from './sigv4-verifier';

export interface LocalS3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface LocalS3ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where buckets and objects are kept (created when missing; kept across restarts). */
  directory: string;
  /** Created when missing; existing ones keep their objects. */
  buckets?: readonly string[];
  /** The key pairs requests must be signed with (default: the SDK's `test`/`test`). */
  credentials?: readonly LocalS3Credentials[];
}

export interface RunningLocalS3Server {
  /** Base URL for the S3 client's `endpoint` (use path-style addressing). */
  endpoint: string;
  port: number;
  directory: string;
  /** Stops the server and waits until it is closed. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_CREDENTIALS: readonly LocalS3Credentials[] = [{ accessKeyId: 'test', secretAccessKey: 'test' }];

/**
 * A local S3-compatible server: s3rver (objects as files under `directory`, the REST API and XML
 * answers of S3) behind an AWS Signature V4 check, which s3rver itself leaves out. So a presigned
 * URL that was tampered with, signed with another secret or sent without its signed headers is
 * refused like S3 refuses it (403); s3rver refuses expired ones.
 */
export class LocalS3Server {
  static async start(options: LocalS3ServerOptions): Promise<RunningLocalS3Server> {
    const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
    const secrets = new Map(credentials.map((pair) => [pair.accessKeyId, pair.secretAccessKey]));
    // s3rver checks the access key (and version 2 signatures) against its account registry.
    for (const pair of credentials) DUMMY_ACCOUNT.createKeyPair(pair.accessKeyId, pair.secretAccessKey);
    await mkdir(options.directory, { recursive: true });
    const s3rver = new S3rver({
      silent: true,
      directory: options.directory,
      vhostBuckets: false,
      allowMismatchedSignatures: false,
      configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
    });
    await s3rver.configureBuckets();
    serializeDeletes(s3rver.store);
    // Right before the router, inside the middleware that serializes answers to XML.
    s3rver.middleware.splice(s3rver.middleware.length - 1, 0, listObjectsV2Shim);
    const handle = s3rver.callback();
    const server = createServer((req, res) => {
      const check = verifySigV4(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers },
        (accessKeyId) => secrets.get(accessKeyId),
      );
      if (check.ok || req.method === 'OPTIONS') handle(req, res);
      else refuse(req, res, check);
    });
    const host = options.host ?? '127.0.0.1';
    try {
      await listen(server, options.port ?? 0, host);
    } catch (error) {
      s3rver.logger.close();
      throw error;
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    let stopped: Promise<void> | undefined;
    return {
      endpoint: `http://${host}:${port}`,
      port,
      directory: options.directory,
      stop: () => {
        stopped ??= new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }).finally(() => s3rver.logger.close());
        return stopped;
      },
    };
  }
}

/**
 * s3rver deletes the objects of one DeleteObjects call in parallel, and each deletion then removes
 * its emptied folders (read the folder, remove it): two of them in one folder race, and the loser
 * answers 500. One deletion at a time, as S3 behaves.
 */
function serializeDeletes(store: S3rver['store']): void {
  const deleteObject = store.deleteObject.bind(store);
  let queue: Promise<unknown> = Promise.resolve();
  store.deleteObject = (bucket, key) => {
    const run = queue.then(() => deleteObject(bucket, key));
    queue = run.catch(() => undefined);
    return run;
  };
}

function refuse(req: IncomingMessage, res: ServerResponse, check: SignatureRefusal): void {
  // The body (of an upload) is not wanted: drain it so the connection stays usable.
  req.resume();
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Error><Code>${check.code}</Code><Message>${escapeXml(check.message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
  ].join('\n');
  res.writeHead(check.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} (local S3) is already in use`) : error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
}
