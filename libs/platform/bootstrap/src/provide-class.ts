import type { FactoryProvider, ValueProvider } from '@nestjs/common';
import type { Token } from '@bbws/shared-util';

/** A class used as its own injection token. */
export type ClassToken<T> = abstract new (...args: never[]) => T;

/** Something the container can hand out as a `T`: a typed token or a class. */
export type Dependency<T> = Token<T> | ClassToken<T>;

/** The value a dependency hands out. */
export type Provided<D> = D extends Token<infer T> ? T : D extends ClassToken<infer T> ? T : never;

/** One dependency per constructor parameter, each handing out that parameter's type. */
export type Dependencies<P extends readonly unknown[]> = { readonly [K in keyof P]: Dependency<P[K]> };

/** The values a dependency list hands out, in order. */
export type Resolved<D extends readonly unknown[]> = { -readonly [K in keyof D]: Provided<D[K]> };

/**
 * Provides the class `implementation` built from `dependencies`, which the compiler checks against
 * its constructor's parameters (order, count and types). Services and DAOs stay free of Nest decorators.
 */
export function provideClass<T, P extends unknown[]>(
  implementation: new (...args: P) => T,
  dependencies: NoInfer<Dependencies<P>>,
): FactoryProvider<T> {
  return {
    provide: implementation,
    useFactory: (...args: P) => new implementation(...args),
    inject: [...dependencies],
  };
}

/** Provides what `factory` computes from `dependencies` (whose values it receives, typed) under `provide`. */
export function provideFactory<T, const D extends readonly Dependency<unknown>[]>(
  provide: Dependency<T>,
  dependencies: D,
  factory: (...args: Resolved<D>) => NoInfer<T>,
): FactoryProvider<T> {
  return { provide, useFactory: factory, inject: [...dependencies] };
}

/** Provides `value` under `provide`. */
export function provideValue<T>(provide: Dependency<T>, value: NoInfer<T>): ValueProvider<T> {
  return { provide, useValue: value };
}
