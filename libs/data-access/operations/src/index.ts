export {
  OperationDao,
  type ClaimResult,
  type ExtraWrites,
  type OperationDaoOptions,
  type OperationListFilter,
  type ProgressUpdate,
} from './operation.dao';
export { operationKeys } from './operation.keys';
