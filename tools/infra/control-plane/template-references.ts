import type { CfnObject } from './template-types';

/** AWS pseudo parameters a template may reference without declaring them. */
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::Partition',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/**
 * The `Ref`, `Fn::GetAtt`, `Fn::Sub` (`${Name}`, `${Name.Attr}`) and `DependsOn` targets of a
 * template that are neither its resources, its parameters, Sub's own variables nor pseudo parameters.
 */
export function danglingReferences(template: CfnObject): string[] {
  const declared = new Set([
    ...Object.keys((template.Resources as CfnObject | undefined) ?? {}),
    ...Object.keys((template.Parameters as CfnObject | undefined) ?? {}),
    ...PSEUDO_PARAMETERS,
  ]);
  const dangling = new Set<string>();
  const check = (name: string) => declared.has(name) || dangling.add(name);
  const visit = (node: unknown, local: ReadonlySet<string>): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, local));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Ref' && typeof value === 'string') check(value);
      else if (key === 'Fn::GetAtt')
        check(Array.isArray(value) ? String(value[0]) : String(value).split('.')[0]);
      else if (key === 'DependsOn') [value].flat().forEach((name) => check(String(name)));
      else if (key === 'Fn::Sub') {
        const [text, variables] = Array.isArray(value) ? value : [value, {}];
        const names = new Set([...local, ...Object.keys(variables as CfnObject)]);
        for (const [, name] of String(text).matchAll(/\$\{([^}!]+)\}/g)) {
          const target = name.includes('::') ? name : name.split('.')[0];
          if (!names.has(target)) check(target);
        }
        visit(variables, local);
        continue;
      }
      visit(value, local);
    }
  };
  visit(template, new Set());
  return [...dangling];
}
