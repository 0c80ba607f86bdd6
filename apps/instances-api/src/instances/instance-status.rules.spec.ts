import { InvalidStatusTransitionError } from '@bbws/shared-errors';
import { actionsFrom, allowedTransitions, assertAction, assertRetryable } from './instance-status.rules';

describe('instance status rules', () => {
  it('lets an ACTIVE instance be updated, scaled, suspended, parked and deleted', () => {
    expect(actionsFrom('ACTIVE')).toEqual(['UPDATE', 'SCALE', 'SUSPEND', 'PARK', 'DEPROVISION']);
    expect(allowedTransitions('ACTIVE')).toEqual([
      'UPDATING',
      'SCALING',
      'SUSPENDING',
      'PARKING',
      'PENDING_DEPROVISIONING',
    ]);
  });

  it('resumes only a suspended instance and unparks only a parked one', () => {
    expect(actionsFrom('SUSPENDED')).toEqual(['RESUME', 'DEPROVISION']);
    expect(actionsFrom('PARKED')).toEqual(['UNPARK', 'DEPROVISION']);
    expect(() => assertAction('SUSPENDED', 'RESUME')).not.toThrow();
    expect(() => assertAction('PARKED', 'RESUME')).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'INVALID_STATUS_TRANSITION',
        message: expect.stringContaining('unpark'),
        details: {
          currentStatus: 'PARKED',
          requestedStatus: 'RESUMING',
          allowedTransitions: ['UNPARKING', 'PENDING_DEPROVISIONING'],
        },
      }),
    );
    expect(() => assertAction('SUSPENDED', 'UNPARK')).toThrow(InvalidStatusTransitionError);
  });

  it('accepts no action while an instance is provisioning or changing', () => {
    for (const status of [
      'PENDING_PROVISIONING',
      'COMMITTING',
      'SCALING',
      'PENDING_DEPROVISIONING',
    ] as const) {
      expect(actionsFrom(status)).toEqual([]);
      expect(() => assertAction(status, 'SCALE')).toThrow(
        new InvalidStatusTransitionError(status, 'SCALING', []),
      );
    }
    expect(actionsFrom('DEPROVISIONED')).toEqual([]);
  });

  it('retries and deletes only failed instances among the non-running ones', () => {
    expect(() => assertRetryable('FAILED')).not.toThrow();
    expect(() => assertRetryable('WORKFLOW_FAILED')).not.toThrow();
    expect(() => assertRetryable('ACTIVE')).toThrow(InvalidStatusTransitionError);
    expect(actionsFrom('WORKFLOW_FAILED')).toEqual(['DEPROVISION']);
    expect(allowedTransitions('FAILED')).toContain('PENDING_PROVISIONING');
    expect(allowedTransitions('FAILED')).toContain('PENDING_DEPROVISIONING');
  });
});
