import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { parseArgs } from 'node:util';
import { createDocumentClient, createDynamoClient, defaultTableNames } from '@bbws/data-access-dynamo';
import {
  InvalidEmailError,
  LocalSigningKey,
  LocalTokenIssuer,
  LocalUserDirectory,
} from '@bbws/integrations-identity';
import { repoRoot } from '@bbws/testing-engines';
import {
  DYNAMODB_PORT,
  LOCAL_HOST,
  LOCAL_IDENTITY,
  LOCAL_REGION,
  LOCAL_STAGE,
  SEED_ADMIN,
  localDataDir,
} from './local-platform.config';

const USAGE = [
  'usage: npm run -s token -- --email <email> [--name "<name>"] [--platform-admin] [--unverified]',
  '       npm run -s token -- --seed     (platform admin admin@bbws.local)',
  'Creates the user in the local directory if needed and prints a bearer token (valid 12 h) on stdout.',
  '--unverified mints the token with email_verified: false.',
].join('\n');

interface Output {
  write(text: string): unknown;
}

/**
 * `npm run token`: ensures the user exists in the local directory (the platform's DynamoDB Local)
 * and prints only the token on stdout, so `TOKEN=$(npm run -s token -- --email a@example.com)` works.
 */
export async function runTokenCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: { stdout: Output; stderr: Output } = process,
): Promise<number> {
  let flags: {
    email?: string;
    name?: string;
    'platform-admin'?: boolean;
    unverified?: boolean;
    seed?: boolean;
    help?: boolean;
  };
  try {
    flags = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'platform-admin': { type: 'boolean' },
        unverified: { type: 'boolean' },
        seed: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help || (!flags.seed && !flags.email)) {
    io.stderr.write(`${USAGE}\n`);
    return flags.help ? 0 : 2;
  }
  const request = flags.seed
    ? { email: SEED_ADMIN.email, name: SEED_ADMIN.name, platformAdmin: true }
    : { email: flags.email ?? '', name: flags.name, platformAdmin: Boolean(flags['platform-admin']) };

  const endpoint = env.DYNAMODB_ENDPOINT || `http://${LOCAL_HOST}:${DYNAMODB_PORT}`;
  const tableName = defaultTableNames(env.BBWS_STAGE || LOCAL_STAGE).tenants;
  const client = createDynamoClient({ region: env.AWS_REGION || LOCAL_REGION, endpoint });
  try {
    const problem = await checkDirectoryTable(client, tableName, endpoint);
    if (problem) {
      io.stderr.write(`${problem}\n`);
      return 1;
    }
    const user = await new LocalUserDirectory(createDocumentClient(client), tableName).ensureUser(request);
    const key = await LocalSigningKey.loadOrCreate(localDataDir(repoRoot(__dirname), env));
    const issuer = new LocalTokenIssuer(key, {
      issuer: env.AUTH_ISSUER || LOCAL_IDENTITY.issuer,
      audience: env.AUTH_AUDIENCE || LOCAL_IDENTITY.audience,
    });
    const token = await issuer.issueToken(user, {
      platformAdmin: request.platformAdmin,
      emailVerified: !flags.unverified,
    });
    io.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(
      `${error instanceof InvalidEmailError ? error.message : `token failed: ${(error as Error).message}`}\n`,
    );
    return error instanceof InvalidEmailError ? 2 : 1;
  } finally {
    client.destroy();
  }
}

async function checkDirectoryTable(
  client: ReturnType<typeof createDynamoClient>,
  tableName: string,
  endpoint: string,
): Promise<string | undefined> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }), {
      abortSignal: AbortSignal.timeout(5000),
    });
    return undefined;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) {
      return `The local tables do not exist yet (no ${tableName} at ${endpoint}): start the platform with \`npm start\` first.`;
    }
    return `DynamoDB Local is not running at ${endpoint}: start the platform with \`npm start\` (in another terminal) first.`;
  }
}

if (require.main === module) {
  void runTokenCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
