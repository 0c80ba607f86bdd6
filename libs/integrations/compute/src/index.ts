export type * from './compute.port';
