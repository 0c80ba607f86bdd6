export {
  IDENTITY_DIRECTORY,
  type DirectoryUser,
  type DirectoryUserStatus,
  type IdentityDirectory,
} from './identity-directory.port';
export { PLATFORM_ADMIN_GROUP, type IdTokenClaims } from './id-token.claims';
export { InvalidEmailError } from './local/invalid-email.error';
export { LocalUserDirectory, type NewLocalUser } from './local/local-user-directory.adapter';
export { LocalSigningKey, type JsonWebKeySet } from './local/local-signing-key';
export {
  LocalTokenIssuer,
  type IssueTokenOptions,
  type LocalIssuerSettings,
} from './local/local-token.issuer';
export { CognitoIdentityDirectory } from './cognito/cognito-identity-directory.adapter';
