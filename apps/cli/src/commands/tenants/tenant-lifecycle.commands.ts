import type { Command } from 'commander';
import { reportOperation } from '../../output/operation-view';
import type { CliIo } from '../../runtime/cli-io';
import {
  idempotencyHeader,
  withIdempotencyKey,
  withWaitOptions,
  type IdempotencyFlags,
  type WaitCommandFlags,
} from '../../runtime/command-options';
import { action } from '../../runtime/run-action';

type LifecycleAction = 'suspend' | 'resume' | 'park' | 'unpark';

const DESCRIPTIONS: Record<LifecycleAction, string> = {
  suspend: 'suspend a tenant and all its instances (platform admins; --reason of 10-500 characters)',
  resume: 'resume a suspended tenant (platform admins)',
  park: 'park a tenant: its instances scaled to zero behind a maintenance page (platform admins; --reason)',
  unpark: 'unpark a parked tenant (platform admins)',
};

/** tenants suspend|resume|park|unpark <tenantId>: lifecycle operations (202). */
export function registerTenantLifecycleCommands(tenants: Command, io: CliIo): void {
  for (const lifecycle of Object.keys(DESCRIPTIONS) as LifecycleAction[]) {
    withIdempotencyKey(
      withWaitOptions(
        tenants
          .command(`${lifecycle} <tenantId>`)
          .description(DESCRIPTIONS[lifecycle])
          .option('--reason <reason>', 'why (kept in the audit log)'),
      ),
    ).action(
      action(
        io,
        async (
          context,
          tenantId: string,
          flags: WaitCommandFlags & IdempotencyFlags & { reason?: string },
        ) => {
          const accepted = await context.client.tenants.POST(
            `/v1.0/tenants/{tenantId}/lifecycle/${lifecycle}`,
            {
              params: { path: { tenantId }, header: idempotencyHeader(flags) },
              body: { reason: flags.reason as string },
            },
          );
          await reportOperation(context, accepted, flags);
        },
      ),
    );
  }
}
