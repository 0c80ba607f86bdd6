import type { FetchOptions } from 'openapi-fetch';

type GetOf<PathItem> = PathItem extends { get: infer Operation } ? Operation : never;
type JsonOf<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;
type ItemOf<Body> = Body extends { items: Array<infer Item> } ? Item : never;
type TakesStartAt<Operation> = Operation extends { parameters: { query?: { startAt?: string } } }
  ? true
  : false;

/** The item type of a paged list route (`GET` answering `{ items: T[] }` and taking `startAt`). */
export type ListItem<Paths, P extends keyof Paths> = ItemOf<JsonOf<GetOf<Paths[P]>>>;

/** The paths of `Paths` whose `GET` is a paged list. */
export type ListPath<Paths> = {
  [P in keyof Paths]: [ListItem<Paths, P>] extends [never]
    ? never
    : TakesStartAt<GetOf<Paths[P]>> extends true
      ? P
      : never;
}[keyof Paths];

/** What the list's `GET` takes (path ids, filters, `pageSize`); optional when nothing is required. */
export type ListInit<Paths, P extends keyof Paths> =
  object extends FetchOptions<GetOf<Paths[P]>>
    ? [init?: FetchOptions<GetOf<Paths[P]>>]
    : [init: FetchOptions<GetOf<Paths[P]>>];
