/** An engine cannot start on this machine; the message is one line naming what to install and how. */
export class EngineSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineSetupError';
  }
}
