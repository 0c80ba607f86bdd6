import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** Set once the caller is authenticated. */
  userId?: string;
  tenantId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Correlation context of the current request or message, carried through async calls. */
export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  enter(context: RequestContext): void {
    storage.enterWith(context);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
