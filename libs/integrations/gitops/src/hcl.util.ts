/**
 * An HCL2 quoted string holding exactly `value`: backslash, quote and control characters escaped,
 * and the template sequences `${` and `%{` doubled so Terraform reads them literally.
 */
export function hclString(value: string): string {
  let escaped = '';
  for (const char of value) {
    escaped += escapeChar(char);
  }
  // Function replacers: in a replacement string `$$` would itself collapse to `$`.
  const literal = escaped.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  return `"${literal}"`;
}

export type HclValue = string | number | boolean;

export function hclValue(value: HclValue): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`Not a finite number: ${value}`);
  }
  return String(value);
}

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escapeChar(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char;
}
