export type ResourceAction = 'Creation' | 'Modifications' | 'Destruction';

const PAST: Record<ResourceAction, string> = {
  Creation: 'Creation complete',
  Modifications: 'Modifications complete',
  Destruction: 'Destruction complete',
};

/** `module.wordpress_instance.<address>: Creation complete [id=...]`, as Terraform reports a resource. */
export function resourceLine(address: string, action: ResourceAction, id: string): string {
  return `module.wordpress_instance.${address}: ${PAST[action]} [id=${id}]`;
}

/** `Apply complete! Resources: 5 added, 0 changed, 0 destroyed.`, as `terraform apply` ends. */
export function applySummary(added: number, changed: number): string {
  return `Apply complete! Resources: ${added} added, ${changed} changed, 0 destroyed.`;
}

/** `Destroy complete! Resources: 5 destroyed.`, as `terraform destroy` ends. */
export function destroySummary(destroyed: number): string {
  return `Destroy complete! Resources: ${destroyed} destroyed.`;
}
