import { createInstanceBody, instanceNoteBody } from './instance-requests';

describe('instance request bodies', () => {
  it('creates in the environment, with tier and count only when given', () => {
    expect(createInstanceBody({ env: 'DEV' })).toEqual({ environment: 'DEV' });
    expect(createInstanceBody({ env: 'PROD', tier: 'ENTERPRISE', count: 3 })).toEqual({
      environment: 'PROD',
      tier: 'ENTERPRISE',
      desiredCount: 3,
    });
  });

  it('sends a note only when one was given', () => {
    expect(instanceNoteBody()).toEqual({});
    expect(instanceNoteBody('Paid')).toEqual({ reason: 'Paid' });
  });
});
