import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  TooManyRequestsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError, UpstreamError } from '@bbws/shared-errors';
import { CognitoIdentityDirectory } from './cognito-identity-directory.adapter';

const POOL = 'eu-west-1_TESTPOOL';
const SUB = '7c1e5a2e-0d3f-4c55-9a63-2f0c3d1b9e11';

interface Recorded {
  command: string;
  input: unknown;
}

/** A real client whose `send` records the command and answers from a script instead of calling AWS. */
function recordingClient(answer: (command: object) => unknown): {
  client: CognitoIdentityProviderClient;
  sent: Recorded[];
} {
  const client = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
  const sent: Recorded[] = [];
  client.send = (async (command: { constructor: { name: string }; input: unknown }) => {
    sent.push({ command: command.constructor.name, input: command.input });
    return answer(command);
  }) as CognitoIdentityProviderClient['send'];
  return { client, sent };
}

const aliceAttributes = [
  { Name: 'sub', Value: SUB },
  { Name: 'email', Value: 'alice@example.com' },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'name', Value: 'Alice Example' },
];

const listed = (sub: string, verified: boolean) => ({
  Username: sub,
  Attributes: [
    { Name: 'sub', Value: sub },
    { Name: 'email', Value: 'alice@example.com' },
    { Name: 'email_verified', Value: String(verified) },
  ],
  Enabled: true,
  UserStatus: 'CONFIRMED',
});

describe('CognitoIdentityDirectory', () => {
  describe('getUser', () => {
    it('sends AdminGetUser for the subject in the configured pool and maps the user', async () => {
      const { client, sent } = recordingClient(() => ({
        Username: SUB,
        UserAttributes: aliceAttributes,
        Enabled: true,
        UserStatus: 'CONFIRMED',
      }));
      const user = await new CognitoIdentityDirectory(client, POOL).getUser(SUB);
      expect(sent).toEqual([
        { command: AdminGetUserCommand.name, input: { UserPoolId: POOL, Username: SUB } },
      ]);
      expect(user).toEqual({
        userId: SUB,
        email: 'alice@example.com',
        name: 'Alice Example',
        status: 'ACTIVE',
        emailVerified: true,
      });
    });

    it('answers null when Cognito does not know the user', async () => {
      const { client } = recordingClient(() => {
        throw new UserNotFoundException({
          message: 'User does not exist.',
          $metadata: { httpStatusCode: 400 },
        });
      });
      await expect(new CognitoIdentityDirectory(client, POOL).getUser(SUB)).resolves.toBeNull();
    });

    it.each([
      [{ Enabled: false, UserStatus: 'CONFIRMED' }, 'DISABLED'],
      [{ Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' }, 'PENDING'],
      [{ Enabled: true, UserStatus: 'UNCONFIRMED' }, 'PENDING'],
      [{ Enabled: true, UserStatus: 'EXTERNAL_PROVIDER' }, 'ACTIVE'],
      [{ Enabled: true, UserStatus: 'COMPROMISED' }, 'DISABLED'],
    ])('maps %j to status %s', async (state, status) => {
      const { client } = recordingClient(() => ({
        Username: SUB,
        UserAttributes: aliceAttributes,
        ...state,
      }));
      expect((await new CognitoIdentityDirectory(client, POOL).getUser(SUB))?.status).toBe(status);
    });
  });

  describe('findUserByEmail', () => {
    it('sends ListUsers with an exact email filter', async () => {
      const { client, sent } = recordingClient(() => ({
        Users: [{ Username: SUB, Attributes: aliceAttributes, Enabled: true, UserStatus: 'CONFIRMED' }],
      }));
      const user = await new CognitoIdentityDirectory(client, POOL).findUserByEmail('  alice@example.com ');
      expect(sent).toEqual([
        {
          command: ListUsersCommand.name,
          input: { UserPoolId: POOL, Filter: 'email = "alice@example.com"', Limit: 60 },
        },
      ]);
      expect(user?.userId).toBe(SUB);
    });

    it('escapes quotes and backslashes so the value cannot break out of the filter', async () => {
      const { client, sent } = recordingClient(() => ({ Users: [] }));
      await new CognitoIdentityDirectory(client, POOL).findUserByEmail('a"b\\c@example.com');
      expect(sent[0].input).toEqual({
        UserPoolId: POOL,
        Filter: 'email = "a\\"b\\\\c@example.com"',
        Limit: 60,
      });
    });

    it('answers null when no user has the email', async () => {
      const { client } = recordingClient(() => ({ Users: [] }));
      await expect(
        new CognitoIdentityDirectory(client, POOL).findUserByEmail('nobody@example.com'),
      ).resolves.toBeNull();
    });

    it('names the user after given and family name when the pool has no name attribute', async () => {
      const { client } = recordingClient(() => ({
        Users: [
          {
            Username: 'bob',
            Attributes: [
              { Name: 'sub', Value: SUB },
              { Name: 'email', Value: 'bob@example.com' },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'given_name', Value: 'Bob' },
              { Name: 'family_name', Value: 'Builder' },
            ],
            Enabled: true,
            UserStatus: 'CONFIRMED',
          },
        ],
      }));
      expect(await new CognitoIdentityDirectory(client, POOL).findUserByEmail('bob@example.com')).toEqual({
        userId: SUB,
        email: 'bob@example.com',
        name: 'Bob Builder',
        status: 'ACTIVE',
        emailVerified: true,
      });
    });

    it('ignores users whose email is not verified', async () => {
      const { client } = recordingClient(() => ({ Users: [listed('unverified', false), listed(SUB, true)] }));
      expect(
        (await new CognitoIdentityDirectory(client, POOL).findUserByEmail('alice@example.com'))?.userId,
      ).toBe(SUB);
      const { client: onlyUnverified } = recordingClient(() => ({ Users: [listed('unverified', false)] }));
      await expect(
        new CognitoIdentityDirectory(onlyUnverified, POOL).findUserByEmail('alice@example.com'),
      ).resolves.toBeNull();
    });

    it('reads every page of matches (following PaginationToken) before deciding', async () => {
      const pages = [
        { Users: [listed('unverified', false)], PaginationToken: 'page-2' },
        { Users: [listed(SUB, true)] },
      ];
      const { client, sent } = recordingClient(() => pages.shift());
      const user = await new CognitoIdentityDirectory(client, POOL).findUserByEmail('alice@example.com');
      expect(user?.userId).toBe(SUB);
      const filter = 'email = "alice@example.com"';
      expect(sent).toEqual([
        { command: ListUsersCommand.name, input: { UserPoolId: POOL, Filter: filter, Limit: 60 } },
        {
          command: ListUsersCommand.name,
          input: { UserPoolId: POOL, Filter: filter, Limit: 60, PaginationToken: 'page-2' },
        },
      ]);
    });

    it('refuses with 409 EMAIL_AMBIGUOUS when more than one verified user has the email', async () => {
      const { client } = recordingClient(() => ({
        Users: [listed(SUB, true), listed('other-sub', true), listed('unverified', false)],
      }));
      const failure = await new CognitoIdentityDirectory(client, POOL)
        .findUserByEmail('alice@example.com')
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConflictError);
      expect(failure).toMatchObject({ code: 'EMAIL_AMBIGUOUS', status: 409, details: { matches: 2 } });
    });

    it('turns throttling into a retryable upstream error', async () => {
      const { client } = recordingClient(() => {
        throw new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
      });
      const failure = await new CognitoIdentityDirectory(client, POOL)
        .findUserByEmail('a@example.com')
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UpstreamError);
      expect(failure).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: true, status: 502 });
    });
  });
});
