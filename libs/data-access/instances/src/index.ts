export { instanceKeys } from './instance.keys';
export { InstanceReaderDao } from './instance-reader.dao';
