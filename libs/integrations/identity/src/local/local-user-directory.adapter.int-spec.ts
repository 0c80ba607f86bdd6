import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createDynamoClient, defaultTableNames } from '@bbws/data-access-dynamo';
import { TestClock } from '@bbws/testing-factories';
import { InvalidEmailError } from './invalid-email.error';
import { LocalUserDirectory } from './local-user-directory.adapter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('LocalUserDirectory (DynamoDB Local)', () => {
  const raw = createDynamoClient({ region: 'us-east-1', endpoint: process.env.DYNAMODB_ENDPOINT });
  const client = createDocumentClient(raw);
  const table = defaultTableNames('test').tenants;
  const now = new Date('2030-01-02T03:04:05.000Z');
  const directory = new LocalUserDirectory(client, table, TestClock.frozen(now));
  const freshEmail = (local = 'user') => `${local}-${randomUUID().slice(0, 8)}@example.com`;

  afterAll(() => raw.destroy());

  it('creates a user with a UUID id, its profile item and an email guard', async () => {
    const email = freshEmail('Alice');
    const user = await directory.ensureUser({ email, name: 'Alice' });
    expect(user).toEqual({
      userId: expect.stringMatching(UUID),
      email,
      name: 'Alice',
      status: 'ACTIVE',
      emailVerified: true,
    });

    const normalized = email.toLowerCase();
    const { Item: profile } = await client.send(
      new GetCommand({ TableName: table, Key: { PK: `USER#${user.userId}`, SK: 'PROFILE' } }),
    );
    expect(profile).toEqual({
      PK: `USER#${user.userId}`,
      SK: 'PROFILE',
      GSI1PK: `EMAIL#${normalized}`,
      GSI1SK: 'USER',
      entityType: 'USER',
      schemaVersion: 1,
      userId: user.userId,
      email,
      name: 'Alice',
      status: 'ACTIVE',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    });
    const { Item: guard } = await client.send(
      new GetCommand({ TableName: table, Key: { PK: `USEREMAIL#${normalized}`, SK: 'GUARD' } }),
    );
    expect(guard).toEqual(
      expect.objectContaining({ userId: user.userId, entityType: 'USER_EMAIL_GUARD', schemaVersion: 1 }),
    );
  });

  it('returns the existing user for the same email in another case or with spaces around it', async () => {
    const email = freshEmail();
    const first = await directory.ensureUser({ email });
    const again = await directory.ensureUser({ email: `  ${email.toUpperCase()} `, name: 'Someone Else' });
    expect(again).toEqual(first);
  });

  it('names a user after the local part of the email when no name is given', async () => {
    const email = freshEmail('carol');
    expect((await directory.ensureUser({ email })).name).toBe(email.split('@')[0]);
  });

  it('creates exactly one user when the same new email is ensured concurrently', async () => {
    const email = freshEmail('race');
    const users = await Promise.all(Array.from({ length: 10 }, () => directory.ensureUser({ email })));
    expect(new Set(users.map((user) => user.userId)).size).toBe(1);
    expect(await directory.findUserByEmail(email)).toEqual(users[0]);
  });

  it('rejects something that is not an email', async () => {
    await expect(directory.ensureUser({ email: 'not-an-email' })).rejects.toBeInstanceOf(InvalidEmailError);
  });

  it('finds a user by email regardless of case and surrounding whitespace', async () => {
    const email = freshEmail('dave');
    const user = await directory.ensureUser({ email });
    expect(await directory.findUserByEmail(` ${email.toUpperCase()}`)).toEqual(user);
  });

  it('gets a user by id', async () => {
    const user = await directory.ensureUser({ email: freshEmail('erin') });
    expect(await directory.getUser(user.userId)).toEqual(user);
  });

  it('answers null for an unknown email or id', async () => {
    expect(await directory.findUserByEmail(freshEmail('nobody'))).toBeNull();
    expect(await directory.getUser(randomUUID())).toBeNull();
  });
});
