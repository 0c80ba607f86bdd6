import { CliError } from '../runtime/run-action';
import { EXIT } from '../runtime/exit-codes';

/**
 * `--set key=value` pairs as an object (split at the first `=`, the last one of a key wins). With
 * `typed`, a value that reads as JSON (`3`, `true`, `null`, `{"a":1}`) is that value, else the text.
 */
export function parseSettings(pairs: string[], typed = false): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!key) throw new CliError(`--set expects key=value, got "${pair}"`, EXIT.USAGE);
    const text = pair.slice(at + 1);
    settings[key] = typed ? jsonOrText(text) : text;
  }
  return settings;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
