import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WATCHDOG_SCRIPT } from './orphan.watchdog';

jest.setTimeout(30_000);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

// An owner process that registers a child process group and a folder with the watchdog, then hangs.
const OWNER = `
const { spawn } = require('node:child_process');
const watchdog = spawn(process.execPath, ['-e', process.env.WATCHDOG], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
const sleeper = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
const released = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
watchdog.stdin.write('+g ' + sleeper.pid + '\\n+g ' + released.pid + '\\n-g ' + released.pid + '\\n+d ' + process.env.DIR + '\\n');
process.stdout.write(JSON.stringify({ sleeper: sleeper.pid, released: released.pid }) + '\\n');
setInterval(() => {}, 1000);
`;

describe('the orphan watchdog', () => {
  it('stops the guarded process groups and removes the guarded folders when its owner is killed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bbws-orphan-'));
    const owner = spawn(process.execPath, ['-e', OWNER], {
      env: { ...process.env, WATCHDOG: WATCHDOG_SCRIPT, DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pids = await new Promise<{ sleeper: number; released: number }>((resolve) =>
      owner.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()))),
    );
    expect(alive(pids.sleeper)).toBe(true);

    owner.kill('SIGKILL');

    expect(await eventually(() => !alive(pids.sleeper) && !existsSync(dir))).toBe(true);
    expect(alive(pids.released)).toBe(true);
    process.kill(-pids.released, 'SIGKILL');
  });
});
