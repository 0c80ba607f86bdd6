import { InvalidStatusTransitionError, ValidationError } from '@bbws/shared-errors';
import { allowedTransitions, assertTransition } from './tenant-status.rules';

describe('tenant status rules', () => {
  it('lets a PENDING tenant become ACTIVE, FAILED or DEPROVISIONED only', () => {
    expect(allowedTransitions('PENDING')).toEqual(['ACTIVE', 'FAILED', 'DEPROVISIONED']);
    expect(() => assertTransition('PENDING', 'SUSPENDED', 'a long enough reason')).toThrow(
      InvalidStatusTransitionError,
    );
  });

  it('makes DEPROVISIONED terminal', () => {
    expect(allowedTransitions('DEPROVISIONED')).toEqual([]);
    expect(() => assertTransition('DEPROVISIONED', 'ACTIVE', undefined)).toThrow(
      InvalidStatusTransitionError,
    );
  });

  it('does not let resume undo a park', () => {
    expect(allowedTransitions('PARKED')).not.toContain('SUSPENDED');
    expect(allowedTransitions('SUSPENDED')).not.toContain('PARKED');
  });

  it('needs a reason of at least 10 characters to suspend or park', () => {
    expect(() => assertTransition('ACTIVE', 'SUSPENDED', undefined)).toThrow(ValidationError);
    expect(() => assertTransition('ACTIVE', 'PARKED', '   short   ')).toThrow(ValidationError);
    expect(() => assertTransition('ACTIVE', 'PARKED', 'Customer asked to pause')).not.toThrow();
  });

  it('describes a refused transition with the allowed ones', () => {
    try {
      assertTransition('FAILED', 'ACTIVE', undefined);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as InvalidStatusTransitionError).details).toEqual({
        currentStatus: 'FAILED',
        requestedStatus: 'ACTIVE',
        allowedTransitions: ['PENDING', 'DEPROVISIONED'],
      });
    }
  });
});
