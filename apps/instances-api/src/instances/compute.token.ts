import { COMPUTE_PORT, type ComputePort } from '@bbws/integrations-compute';
import type { Token } from '@bbws/shared-util';

/**
 * The compute port's injection token, narrowed to what the API uses: it only reads the runtime (live
 * status); the workers act on it.
 */
export const COMPUTE = COMPUTE_PORT as Token<Pick<ComputePort, 'describeService'>>;
