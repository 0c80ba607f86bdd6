import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** What `bbws login` keeps: the API and the token, in a file only its owner can read. */
export interface StoredConfig {
  api?: string;
  token?: string;
}

/** `$BBWS_CONFIG_DIR`, else `$XDG_CONFIG_HOME/bbws`, else `~/.config/bbws`. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.BBWS_CONFIG_DIR) return env.BBWS_CONFIG_DIR;
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), '.config'), 'bbws');
}

export function configFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), 'config.json');
}

export async function readConfig(env: NodeJS.ProcessEnv): Promise<StoredConfig> {
  try {
    return JSON.parse(await readFile(configFile(env), 'utf8')) as StoredConfig;
  } catch {
    return {};
  }
}

export async function writeConfig(env: NodeJS.ProcessEnv, config: StoredConfig): Promise<string> {
  const file = configFile(env);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return file;
}
