import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, readItem, type DynamoContext } from '@bbws/data-access-dynamo';
import type { Instance } from './instance.entity';
import { instanceKeys } from './instance.keys';
import type { RuntimeLookupItem } from './instance.mapper';

/** Which instance an ECS service belongs to (ECS events carry no tags, only the service name). */
export interface RuntimeTarget {
  tenantId: string;
  instanceId: string;
  environment: string;
  serviceName: string;
}

/** The runtime lookup items `RUNTIME#{environment}#{serviceName}`: written when provisioning creates the service. */
export class RuntimeLookupDao {
  constructor(private readonly db: DynamoContext) {}

  /** Idempotent: writing it again for the same instance changes nothing that matters. */
  async put(
    instance: Pick<Instance, 'tenantId' | 'instanceId' | 'environment' | 'resources'>,
  ): Promise<void> {
    const now = this.db.clock.now().toISOString();
    const { environment } = instance;
    const { serviceName } = instance.resources;
    const item: RuntimeLookupItem = {
      ...instanceKeys.runtimeLookup(environment, serviceName),
      entityType: 'RUNTIME_LOOKUP',
      schemaVersion: 1,
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment,
      serviceName,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.client.send(new PutCommand({ TableName: this.db.tables.instances, Item: item }));
  }

  async find(environment: string, serviceName: string): Promise<RuntimeTarget | null> {
    const stored = await getItem(
      this.db.client,
      this.db.tables.instances,
      instanceKeys.runtimeLookup(environment, serviceName),
    );
    if (!stored) return null;
    const item = readItem<RuntimeLookupItem>(stored);
    return {
      tenantId: item.tenantId,
      instanceId: item.instanceId,
      environment: item.environment,
      serviceName: item.serviceName,
    };
  }

  async delete(environment: string, serviceName: string): Promise<void> {
    await this.db.client.send(
      new DeleteCommand({
        TableName: this.db.tables.instances,
        Key: instanceKeys.runtimeLookup(environment, serviceName),
      }),
    );
  }
}
