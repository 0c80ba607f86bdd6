/** A figure's value as the report prints it: `87.4 %`, `1.12x`, `1.3 s`, `412 ops/s`, `96 MB`. */
export function formatValue(value: number, unit: string): string {
  if (unit === 'x') return `${value.toFixed(2)}x`;
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}
