import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { putNew, transactWrite } from '@bbws/data-access-dynamo';
import { AlreadyExistsError } from '@bbws/shared-errors';
import { normalizeEmail, systemClock, type Clock } from '@bbws/shared-util';
import type { DirectoryUser, IdentityDirectory } from '../identity-directory.port';
import { InvalidEmailError } from './invalid-email.error';
import type { LocalUserEmailGuardItem, LocalUserItem } from './local-user.item';
import { localUserKeys } from './local-user.keys';
import { toDirectoryUser } from './local-user.mapper';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface NewLocalUser {
  email: string;
  /** Defaults to the part of the email before the `@`. */
  name?: string;
}

/**
 * The local identity directory: users live in the tenants table (`USER#{userId}` / `PROFILE`, found
 * by email through GSI1), each email held by a guard item written in the same transaction.
 */
export class LocalUserDirectory implements IdentityDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async findUserByEmail(email: string): Promise<DirectoryUser | null> {
    const { GSI1PK, GSI1SK } = localUserKeys.byEmail(email);
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
        ExpressionAttributeValues: { ':pk': GSI1PK, ':sk': GSI1SK },
        Limit: 1,
      }),
    );
    const item = Items?.[0] as LocalUserItem | undefined;
    return item ? toDirectoryUser(item) : null;
  }

  async getUser(userId: string): Promise<DirectoryUser | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: localUserKeys.user(userId), ConsistentRead: true }),
    );
    return Item ? toDirectoryUser(Item as LocalUserItem) : null;
  }

  /**
   * Returns the user with this email, creating it first when there is none (local stage only).
   * Throws `InvalidEmailError` for what is not an email address.
   */
  async ensureUser(input: NewLocalUser): Promise<DirectoryUser> {
    const email = input.email.trim();
    if (!EMAIL.test(email)) throw new InvalidEmailError(email);
    const existing = await this.userHoldingEmail(email);
    if (existing) return existing;
    const now = this.clock.now().toISOString();
    const userId = randomUUID();
    const user: LocalUserItem = {
      ...localUserKeys.user(userId),
      ...localUserKeys.byEmail(email),
      GSI1SK: 'USER',
      entityType: 'USER',
      schemaVersion: 1,
      userId,
      email,
      name: input.name?.trim() || email.slice(0, email.indexOf('@')),
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const guard: LocalUserEmailGuardItem = {
      ...localUserKeys.emailGuard(email),
      entityType: 'USER_EMAIL_GUARD',
      schemaVersion: 1,
      userId,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await transactWrite(
        this.client,
        [putNew(this.tableName, { ...user }), putNew(this.tableName, { ...guard })],
        () => new AlreadyExistsError('USER_EMAIL', normalizeEmail(email)),
      );
      return toDirectoryUser(user);
    } catch (error) {
      // Someone created the same email concurrently: theirs is the user.
      const winner = error instanceof AlreadyExistsError ? await this.userHoldingEmail(email) : null;
      if (winner) return winner;
      throw error;
    }
  }

  /** Strongly consistent lookup through the email guard (the GSI may lag right after a write). */
  private async userHoldingEmail(email: string): Promise<DirectoryUser | null> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: localUserKeys.emailGuard(email),
        ConsistentRead: true,
      }),
    );
    return Item ? this.getUser((Item as LocalUserEmailGuardItem).userId) : null;
  }
}
