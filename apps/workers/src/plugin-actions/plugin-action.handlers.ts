import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type PluginInstallationPayload,
  type PluginUninstallationPayload,
  type PluginUpdatePayload,
} from '@bbws/shared-contracts';
import type { PluginFailureRecorder } from './plugin-failure.recorder';
import type { PluginInstallationService } from './plugin-installation.service';
import type { PluginUninstallationService } from './plugin-uninstallation.service';
import type { PluginUpdateService } from './plugin-update.service';

/** A failed plugin action leaves the site ACTIVE with `lastError`. */
abstract class PluginActionHandler<P extends object> implements OperationHandler<P> {
  abstract readonly contract: OperationHandler<P>['contract'];

  constructor(private readonly failures: PluginFailureRecorder) {}

  abstract run(context: OperationContext<P>): ReturnType<OperationHandler<P>['run']>;

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, error);
  }
}

/** `bbws-wp-site-update`: PLUGIN_INSTALLATION. */
export class PluginInstallationHandler extends PluginActionHandler<PluginInstallationPayload> {
  readonly contract = MESSAGES.PLUGIN_INSTALLATION;

  constructor(
    private readonly installation: PluginInstallationService,
    failures: PluginFailureRecorder,
  ) {
    super(failures);
  }

  run(context: OperationContext<PluginInstallationPayload>) {
    return this.installation.install(context);
  }
}

/** `bbws-wp-site-update`: PLUGIN_UPDATE. */
export class PluginUpdateHandler extends PluginActionHandler<PluginUpdatePayload> {
  readonly contract = MESSAGES.PLUGIN_UPDATE;

  constructor(
    private readonly updates: PluginUpdateService,
    failures: PluginFailureRecorder,
  ) {
    super(failures);
  }

  run(context: OperationContext<PluginUpdatePayload>) {
    return this.updates.update(context);
  }
}

/** `bbws-wp-site-update`: PLUGIN_UNINSTALLATION. */
export class PluginUninstallationHandler extends PluginActionHandler<PluginUninstallationPayload> {
  readonly contract = MESSAGES.PLUGIN_UNINSTALLATION;

  constructor(
    private readonly uninstallation: PluginUninstallationService,
    failures: PluginFailureRecorder,
  ) {
    super(failures);
  }

  run(context: OperationContext<PluginUninstallationPayload>) {
    return this.uninstallation.uninstall(context);
  }
}
