import type { Envelope, OperationStep } from '@bbws/shared-contracts';
import { systemClock } from '@bbws/shared-util';
import { buildOperation } from '@bbws/testing-factories';
import { OperationContext } from './operation-context';
import type { OperationRunStore } from './operation-store.port';

type Saved = { steps: OperationStep[]; currentStep: string | null; progress: number };

function contextWith(saves: Saved[], steps: OperationStep[] = []) {
  const store = {
    saveProgress: async (_id: string, _owner: string, update: Saved) => void saves.push(update),
  } as unknown as OperationRunStore;
  const operation = buildOperation({ status: 'IN_PROGRESS', steps }, new Date('2026-01-01T00:00:00.000Z'));
  return new OperationContext(
    operation,
    { payload: {} } as Envelope<object>,
    new AbortController().signal,
    1,
    store,
    'me',
    30_000,
    systemClock,
  );
}

const statuses = (saved: Saved) => saved.steps.map((step) => `${step.name}:${step.status}`);

describe('OperationContext checkpoints', () => {
  it('writes the plan with the first step and each completion with the next step, one write per step', async () => {
    const saves: Saved[] = [];
    const context = contextWith(saves);
    await context.plan(['one', 'two']);
    expect(saves).toEqual([]);
    await context.step('one', async () => ({ made: 1 }));
    expect(saves.map(statuses)).toEqual([['one:IN_PROGRESS', 'two:PENDING']]);
    await context.step('two', async () => undefined);
    expect(saves.map(statuses)).toEqual([
      ['one:IN_PROGRESS', 'two:PENDING'],
      ['one:COMPLETED', 'two:IN_PROGRESS'],
    ]);
    expect(saves[1].steps[0].output).toEqual({ made: 1 });
    // The last completion goes with the operation's end, read from `steps`.
    expect(context.steps.map((step) => step.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(saves).toHaveLength(2);
  });

  it('flush writes a held completion once, and nothing when everything is written', async () => {
    const saves: Saved[] = [];
    const context = contextWith(saves);
    await context.step('one', async () => undefined);
    await context.flush();
    await context.flush();
    expect(saves.map(statuses)).toEqual([['one:IN_PROGRESS'], ['one:COMPLETED']]);
    expect(saves[1].progress).toBe(99);
  });

  it('skips a step an earlier attempt completed, writing nothing for it', async () => {
    const saves: Saved[] = [];
    const done: OperationStep = {
      name: 'one',
      status: 'COMPLETED',
      startedAt: '2026-01-01T00:00:00.000Z',
      completedAt: '2026-01-01T00:00:01.000Z',
      output: { made: 1 },
    };
    const context = contextWith(saves, [done]);
    const work = jest.fn();
    expect(await context.step('one', work)).toEqual({ made: 1 });
    expect(work).not.toHaveBeenCalled();
    await context.flush();
    expect(saves).toEqual([]);
  });
});
