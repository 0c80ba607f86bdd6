import { fakePort } from './fake-port';

interface Greeter {
  greet(name: string): Promise<string>;
  wave(): void;
}

describe('fakePort', () => {
  it('answers with the methods the test provides', async () => {
    const greeter = fakePort<Greeter>({ greet: async (name) => `hello ${name}` });
    await expect(greeter.greet('bob')).resolves.toBe('hello bob');
  });

  it('fails a call to a method the test did not provide, naming it', () => {
    const greeter = fakePort<Greeter>({});
    expect(() => greeter.wave()).toThrow('fakePort: wave was called but the test did not provide it');
  });

  it('is not mistaken for a promise when awaited', async () => {
    const greeter = fakePort<Greeter>({});
    await expect(Promise.resolve(greeter)).resolves.toBe(greeter);
  });
});
