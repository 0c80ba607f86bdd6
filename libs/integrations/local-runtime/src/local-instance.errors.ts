import { ConflictError, NotFoundError } from '@bbws/shared-errors';
import { instanceKey, type InstanceRef } from './instance.ref';

export class LocalInstanceNotFoundError extends NotFoundError {
  constructor(ref: InstanceRef) {
    super('LOCAL_INSTANCE', instanceKey(ref));
  }
}

/** A network's host is fixed at its installation (WordPress stores it in the database). */
export class NetworkHostMismatchError extends ConflictError {
  constructor(ref: InstanceRef, installedHost: string, requestedHost: string) {
    super(
      'NETWORK_HOST_MISMATCH',
      `Instance ${instanceKey(ref)} is installed on ${installedHost}, not ${requestedHost}`,
      { installedHost, requestedHost },
    );
  }
}
