// The part of s3rver 3.x (no published types) the local S3 server uses.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }

  /** The slice of Koa's context the list shim touches. */
  interface S3rverContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    body: unknown;
  }

  type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;

  class S3rver {
    /** Koa's middleware list, composed when `callback()` is called. */
    middleware: S3rverMiddleware[];
    constructor(options?: S3rverOptions);
    configureBuckets(): Promise<void>;
    store: { deleteObject(bucket: string, key: string): Promise<void> };
    /** The Koa request handler. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    logger: { close(): void };
  }

  namespace S3rver {
    export type { S3rverContext as Context, S3rverMiddleware as Middleware };
  }

  export = S3rver;
}

declare module 's3rver/lib/models/account' {
  interface AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  }
  export const DUMMY_ACCOUNT: AWSAccount;
}
