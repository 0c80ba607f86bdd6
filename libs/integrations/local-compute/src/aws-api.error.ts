/** An error the local ECS / ELBv2 endpoints answer with, in the service's own vocabulary. */
export class AwsApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }

  /** ELBv2's `<Type>`: the caller's fault (4xx) or the service's (5xx). */
  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}
