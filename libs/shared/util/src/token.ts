declare const provides: unique symbol;

/**
 * An injection token that carries the type of what it provides, so a dependency list naming it can be
 * checked against the constructor or factory that receives the value. At runtime it is a plain symbol.
 */
export type Token<T> = symbol & { readonly [provides]: T };

/** A new token for a `T` (a port, a config, a value), described for error messages. */
export function token<T>(description: string): Token<T> {
  return Symbol(description) as Token<T>;
}
