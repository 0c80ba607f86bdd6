import type { TerraformAction, TerraformApplier, TerraformApplyInput } from '@bbws/integrations-local-gitops';

/** A TerraformApplier that records its calls; `hold()` keeps the next calls running until released. */
export class RecordingApplier implements TerraformApplier {
  readonly calls: Array<{ action: TerraformAction } & TerraformApplyInput> = [];
  failWith?: string;
  private gate?: Promise<void>;
  private open?: () => void;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  plan(input: TerraformApplyInput): Promise<{ log: string[] }> {
    return this.record('plan', input);
  }

  apply(input: TerraformApplyInput): Promise<{ log: string[] }> {
    return this.record('apply', input);
  }

  destroy(input: TerraformApplyInput): Promise<{ log: string[] }> {
    return this.record('destroy', input);
  }

  private async record(action: TerraformAction, input: TerraformApplyInput): Promise<{ log: string[] }> {
    this.calls.push({ action, ...input });
    await this.gate;
    if (this.failWith) throw new Error(this.failWith);
    return { log: [`${action} of ${input.slug} complete: 9 added, 0 changed, 0 destroyed.`] };
  }
}
