import { createDocumentClient, createDynamoClient, defaultTableNames } from '@bbws/data-access-dynamo';
import { LocalSigningKey, LocalTokenIssuer, LocalUserDirectory } from '@bbws/integrations-identity';
import {
  DYNAMODB_PORT,
  LOCAL_HOST,
  LOCAL_IDENTITY,
  LOCAL_REGION,
  LOCAL_STAGE,
  SEED_ADMIN,
} from '../local-platform.config';

/**
 * A token of the local platform admin (`npm run token -- --seed`): the user ensured in the local
 * directory, signed with the data directory's key.
 */
export async function seedAdminToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const client = createDynamoClient({
    region: env.AWS_REGION || LOCAL_REGION,
    endpoint: env.DYNAMODB_ENDPOINT || `http://${LOCAL_HOST}:${DYNAMODB_PORT}`,
  });
  try {
    const directory = new LocalUserDirectory(
      createDocumentClient(client),
      defaultTableNames(env.BBWS_STAGE || LOCAL_STAGE).tenants,
    );
    const user = await directory.ensureUser(SEED_ADMIN);
    const issuer = new LocalTokenIssuer(await LocalSigningKey.loadOrCreate(dataDir), {
      issuer: env.AUTH_ISSUER || LOCAL_IDENTITY.issuer,
      audience: env.AUTH_AUDIENCE || LOCAL_IDENTITY.audience,
    });
    return await issuer.issueToken(user, { platformAdmin: true, emailVerified: true });
  } finally {
    client.destroy();
  }
}
