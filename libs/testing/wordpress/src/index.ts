export type { SiteRequest, SiteResponse } from './site-request.util';
export {
  startWordPressNetwork,
  type WordPressNetwork,
  type WordPressNetworkOptions,
} from './wordpress-network.harness';
