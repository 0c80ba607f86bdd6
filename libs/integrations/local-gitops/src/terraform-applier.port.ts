export type TerraformAction = 'plan' | 'apply' | 'destroy';

export interface TerraformApplyInput {
  environment: string;
  slug: string;
  /** The tenant's committed terraform.tfvars, parsed. */
  variables: Record<string, unknown>;
  operationId: string;
}

/** What `terraform plan|apply|destroy` does for one tenant folder; locally, the data plane. Throw to fail the step. */
export interface TerraformApplier {
  plan(input: TerraformApplyInput): Promise<{ log: string[] }>;
  apply(input: TerraformApplyInput): Promise<{ log: string[] }>;
  destroy(input: TerraformApplyInput): Promise<{ log: string[] }>;
}
