/**
 * A typed fake of a service's port: the test provides the methods the case uses (checked against the
 * port's signatures); calling any other method fails the test, naming it.
 */
export function fakePort<T extends object>(methods: Partial<T>): T {
  return new Proxy(methods, {
    get(target, property, receiver) {
      if (Reflect.has(target, property) || typeof property === 'symbol' || property === 'then') {
        return Reflect.get(target, property, receiver);
      }
      return () => {
        throw new Error(`fakePort: ${property} was called but the test did not provide it`);
      };
    },
  }) as T;
}
