export {
  LocalS3Server,
  type LocalS3Credentials,
  type LocalS3ServerOptions,
  type RunningLocalS3Server,
} from './local-s3.server';
export { ensureBuckets } from './ensure-buckets';
export { verifySigV4, type SignatureCheck, type SignedRequest } from './sigv4-verifier';
