import type { Command } from 'commander';
import {
  wholeNumber,
  withIfMatch,
  withWaitOptions,
  type VersionFlags,
  type WaitCommandFlags,
} from '../../runtime/command-options';
import type { CliIo } from '../../runtime/cli-io';
import { action } from '../../runtime/run-action';
import { reportOutcome } from '../operation-outcome';
import { instanceNoteBody } from './instance-requests';
import { finalInstance, instanceVersion } from './instance-resource';

type ActionFlags = WaitCommandFlags & VersionFlags & { reason?: string };
const INSTANCE = '/v1.0/tenants/{tenantId}/instances/{instanceId}';

/** The lifecycle actions that take a reason (required for suspend and park, optional to undo them). */
const REASON_ACTIONS = [
  { name: 'suspend', path: `${INSTANCE}/suspend`, reasonRequired: true, about: 'stop serving (503 page)' },
  { name: 'park', path: `${INSTANCE}/park`, reasonRequired: true, about: 'scale to zero for a season' },
  {
    name: 'resume',
    path: `${INSTANCE}/resume`,
    reasonRequired: false,
    about: 'serve a SUSPENDED instance again',
  },
  {
    name: 'unpark',
    path: `${INSTANCE}/unpark`,
    reasonRequired: false,
    about: 'bring a PARKED instance back',
  },
] as const;

export function registerInstanceActionCommands(instances: Command, io: CliIo): void {
  withIfMatch(
    withWaitOptions(
      instances
        .command('scale <tenantId> <instanceId>')
        .argument('<count>', 'tasks: 2-10 in PROD, 1-10 elsewhere', wholeNumber(0))
        .description('change how many tasks run the instance (INSTANCE_SCALE)'),
    ),
  ).action(
    action(
      io,
      async (context, tenantId: string, instanceId: string, desiredCount: number, flags: ActionFlags) => {
        const header = await instanceVersion(context.client, flags, tenantId, instanceId);
        const accepted = await context.client.instances.PUT(`${INSTANCE}/size`, {
          params: { path: { tenantId, instanceId }, header },
          body: { desiredCount },
        });
        await reportOutcome(context, accepted, flags, finalInstance(context.client, tenantId));
      },
    ),
  );

  for (const lifecycle of REASON_ACTIONS) {
    const command = instances
      .command(`${lifecycle.name} <tenantId> <instanceId>`)
      .description(lifecycle.about);
    if (lifecycle.reasonRequired) command.requiredOption('--reason <reason>', 'why (kept on the instance)');
    else command.option('--reason <reason>', 'a note kept on the operation');
    withIfMatch(withWaitOptions(command)).action(
      action(io, async (context, tenantId: string, instanceId: string, flags: ActionFlags) => {
        const header = await instanceVersion(context.client, flags, tenantId, instanceId);
        const accepted = await context.client.instances.POST(lifecycle.path, {
          params: { path: { tenantId, instanceId }, header },
          body: lifecycle.reasonRequired ? { reason: flags.reason ?? '' } : instanceNoteBody(flags.reason),
        });
        await reportOutcome(context, accepted, flags, finalInstance(context.client, tenantId));
      }),
    );
  }

  withIfMatch(
    withWaitOptions(
      instances
        .command('retry <tenantId> <instanceId>')
        .description('re-run the failed provisioning of a FAILED instance'),
    ),
  ).action(
    action(io, async (context, tenantId: string, instanceId: string, flags: ActionFlags) => {
      const header = await instanceVersion(context.client, flags, tenantId, instanceId);
      const accepted = await context.client.instances.POST(`${INSTANCE}/retry`, {
        params: { path: { tenantId, instanceId }, header },
      });
      await reportOutcome(context, accepted, flags, finalInstance(context.client, tenantId));
    }),
  );

  withIfMatch(
    withWaitOptions(
      instances
        .command('delete <tenantId> <instanceId>')
        .description('archive the instance (database and uploads), then destroy it'),
    ),
  ).action(
    action(io, async (context, tenantId: string, instanceId: string, flags: ActionFlags) => {
      const header = await instanceVersion(context.client, flags, tenantId, instanceId);
      const accepted = await context.client.instances.DELETE(INSTANCE, {
        params: { path: { tenantId, instanceId }, header },
      });
      await reportOutcome(context, accepted, flags);
    }),
  );
}
