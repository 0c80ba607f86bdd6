import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { instanceKeys } from './instance.keys';

/** What other services need to know about a tenant's instances, read-only. */
export class InstanceReaderDao {
  constructor(private readonly db: DynamoContext) {}

  /** Whether the tenant has any instance record that is not deprovisioned (one small Query). */
  async tenantHasLiveInstances(tenantId: string): Promise<boolean> {
    const result = await this.db.client.send(
      new QueryCommand({
        TableName: this.db.tables.instances,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        FilterExpression: '#status <> :deprovisioned',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': instanceKeys.tenantPartition(tenantId),
          ':sk': instanceKeys.instancePrefix,
          ':deprovisioned': 'DEPROVISIONED',
        },
        ProjectionExpression: 'PK',
      }),
    );
    return (result.Items?.length ?? 0) > 0;
  }
}
