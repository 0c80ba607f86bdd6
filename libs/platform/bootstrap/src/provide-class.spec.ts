import { Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { token, type Clock } from '@bbws/shared-util';
import { provideClass, provideFactory, provideValue } from './provide-class';
import { CLOCK } from './tokens';

const NAME = token<string>('NAME');
const RETRIES = token<number>('RETRIES');
const GREETING = token<string>('GREETING');
const UNTYPED = Symbol('UNTYPED');

class Greeter {
  constructor(
    readonly name: string,
    readonly clock: Clock,
  ) {}
}

class Scheduler {
  constructor(
    readonly greeter: Greeter,
    readonly retries: number,
    readonly note?: string,
  ) {}
}

const clock: Clock = { now: () => new Date('2026-01-01T00:00:00.000Z') };

async function container(providers: Provider[]) {
  @Module({ providers })
  class TestModule {}
  return NestFactory.createApplicationContext(TestModule, { logger: false });
}

describe('provideClass / provideFactory / provideValue', () => {
  it('builds a class from its dependencies in constructor order', async () => {
    const app = await container([
      provideValue(NAME, 'Ada'),
      provideValue(RETRIES, 3),
      provideValue(CLOCK, clock),
      provideClass(Greeter, [NAME, CLOCK]),
      provideClass(Scheduler, [Greeter, RETRIES]),
    ]);
    const scheduler = app.get(Scheduler);
    expect(scheduler.greeter).toBe(app.get(Greeter));
    expect(scheduler.greeter.name).toBe('Ada');
    expect(scheduler.greeter.clock).toBe(clock);
    expect(scheduler.retries).toBe(3);
    expect(scheduler.note).toBeUndefined();
    await app.close();
  });

  it('provides what a factory computes from the values of its dependencies', async () => {
    const app = await container([
      provideValue(NAME, 'Ada'),
      provideValue(RETRIES, 3),
      provideValue(CLOCK, clock),
      provideClass(Greeter, [NAME, CLOCK]),
      provideFactory(GREETING, [Greeter, RETRIES], (greeter, retries) => `${greeter.name} x${retries}`),
    ]);
    expect(app.get(GREETING)).toBe('Ada x3');
    await app.close();
  });

  it('leaves the dependency check to the compiler (tsc fails if a @ts-expect-error below stops erroring)', () => {
    const rejected = [
      // @ts-expect-error wrong order: a Clock where the name goes
      provideClass(Greeter, [CLOCK, NAME]),
      // @ts-expect-error a dependency missing
      provideClass(Greeter, [NAME]),
      // @ts-expect-error one dependency too many
      provideClass(Greeter, [NAME, CLOCK, RETRIES]),
      // @ts-expect-error a token of another type
      provideClass(Greeter, [RETRIES, CLOCK]),
      // @ts-expect-error an untyped symbol
      provideClass(Greeter, [UNTYPED, CLOCK]),
      // @ts-expect-error a class token handing out another class
      provideClass(Scheduler, [Scheduler, RETRIES]),
      // @ts-expect-error a factory computing another type than its token's
      provideFactory(GREETING, [RETRIES], (retries) => retries),
      // @ts-expect-error a factory expecting another type than its dependency hands out
      provideFactory(GREETING, [RETRIES], (name: string) => name),
      // @ts-expect-error a value of another type than its token's
      provideValue(RETRIES, 'three'),
    ];
    expect(rejected.map((provider) => provider.provide)).toEqual([
      Greeter,
      Greeter,
      Greeter,
      Greeter,
      Greeter,
      Scheduler,
      GREETING,
      GREETING,
      RETRIES,
    ]);
  });
});
