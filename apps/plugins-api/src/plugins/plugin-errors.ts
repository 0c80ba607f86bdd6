import { PluginExistsError } from '@bbws/data-access-catalogue';
import {
  BusinessRuleError,
  ConflictError,
  ItemMissingError,
  LimitReachedError,
  NotFoundError,
  PreconditionFailedError,
  VersionConflictError,
} from '@bbws/shared-errors';

/** What a package must match besides being a valid plugin zip (the inspector's problems are the others). */
export type PluginPackageMismatch = 'SLUG_MISMATCH' | 'VERSION_MISMATCH' | 'NO_VERSION' | 'INVALID_VERSION';

/** 422 `INVALID_PACKAGE`, like the inspector's refusals, with `details.problem`. */
export class PluginPackageMismatchError extends BusinessRuleError {
  constructor(problem: PluginPackageMismatch, message: string, details: Record<string, unknown> = {}) {
    super('INVALID_PACKAGE', message, { problem, ...details });
  }
}

export function pluginNotFound(pluginId: string): NotFoundError {
  return new NotFoundError('PLUGIN', pluginId);
}

export function versionExists(pluginId: string, version: string): ConflictError {
  return new ConflictError('PLUGIN_VERSION_EXISTS', `Version ${version} of ${pluginId} is in the catalogue`, {
    pluginId,
    version,
  });
}

/** The API's error for what the catalogue DAO refused; anything else is rethrown as it is. */
export function fromCatalogueError(error: unknown, pluginId: string): unknown {
  if (error instanceof PluginExistsError) {
    return new ConflictError('PLUGIN_EXISTS', error.message, {
      wpSlug: error.wpSlug,
      ...(error.existingPluginId ? { existingPluginId: error.existingPluginId } : {}),
    });
  }
  if (error instanceof VersionConflictError)
    return new PreconditionFailedError(error.expected, error.current);
  if (error instanceof ItemMissingError) return pluginNotFound(pluginId);
  if (error instanceof LimitReachedError) {
    return new BusinessRuleError('PLUGIN_LIMIT_REACHED', error.message, {
      what: error.what,
      limit: error.limit,
    });
  }
  return error;
}

/**
 * Runs a read-modify-write again when another writer moved the plugin in between (no If-Match was
 * given, so the caller did not ask to fail on that).
 */
export async function retryOnVersionConflict<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflictError) || tries >= attempts) throw error;
    }
  }
}
