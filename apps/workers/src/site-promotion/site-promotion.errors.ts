import { BusinessRuleError } from '@bbws/shared-errors';

/** The promotion's target is not a live site of the target environment the operation can write to. */
export class PromotionTargetNotReadyError extends BusinessRuleError {
  constructor(targetSiteId: string, status: string, environment: string) {
    super(
      'PROMOTION_TARGET_NOT_READY',
      `The promotion target ${targetSiteId} is a ${status} ${environment} site, not an ACTIVE or new one`,
      { targetSiteId, status, environment },
    );
  }
}

/** The import failed and the target was restored from its pre-promotion backup. */
export class PromotionRolledBackError extends BusinessRuleError {
  constructor(targetSiteId: string, backupId: string, cause: string) {
    super(
      'PROMOTION_ROLLED_BACK',
      `The import into ${targetSiteId} failed (${cause}); the site was restored from its pre-promotion backup ${backupId}`,
      { targetSiteId, backupId, cause },
    );
  }
}

/** The import failed and so did the restore of the pre-promotion backup: the target needs a manual restore. */
export class PromotionRollbackFailedError extends BusinessRuleError {
  constructor(targetSiteId: string, backupId: string, cause: string, rollback: string) {
    super(
      'PROMOTION_ROLLBACK_FAILED',
      `The import into ${targetSiteId} failed (${cause}) and restoring its pre-promotion backup ${backupId} failed too (${rollback}); restore that backup`,
      { targetSiteId, backupId, cause, rollback },
    );
  }
}
