export { link, links, withQuery, type HttpMethod, type Link, type Links } from './link';
export { CursorCodec } from './cursor.codec';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  presentPage,
  type Page,
  type PageRequest,
  type PageResponse,
} from './page';
