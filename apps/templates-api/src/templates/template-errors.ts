import { TemplateInUseError } from '@bbws/data-access-catalogue';
import {
  ConflictError,
  ItemMissingError,
  NotFoundError,
  PreconditionFailedError,
  VersionConflictError,
} from '@bbws/shared-errors';

export function templateNotFound(templateId: string): NotFoundError {
  return new NotFoundError('TEMPLATE', templateId);
}

/** 412 when the caller's If-Match is not the current version. */
export function assertIfMatch(ifMatch: number | undefined, current: { version: number }): void {
  if (ifMatch !== undefined && ifMatch !== current.version)
    throw new PreconditionFailedError(ifMatch, current.version);
}

/**
 * What the store's findings mean on this API: a stale version is a 412 when the caller sent If-Match
 * (else a 409 to read again), a template sites still use is a 409 TEMPLATE_IN_USE.
 */
export function toTemplateAppError(
  error: unknown,
  context: { templateId: string; ifMatch?: number },
): unknown {
  if (error instanceof VersionConflictError)
    return context.ifMatch !== undefined
      ? new PreconditionFailedError(error.expected, error.current)
      : new ConflictError('CONFLICT', 'The template changed meanwhile; read it again and retry', {
          currentVersion: error.current,
        });
  if (error instanceof TemplateInUseError)
    return new ConflictError(
      'TEMPLATE_IN_USE',
      `${error.usageCount} site(s) use template ${error.templateId}`,
      {
        templateId: error.templateId,
        usageCount: error.usageCount,
      },
    );
  if (error instanceof ItemMissingError) return templateNotFound(context.templateId);
  return error;
}
