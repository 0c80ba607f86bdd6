import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isFreshDataDir } from './fresh-data-dir.seed';

describe('isFreshDataDir', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'bbws-fresh-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is fresh when the data directory is missing or empty', async () => {
    expect(await isFreshDataDir(path.join(dir, 'missing'))).toBe(true);
    expect(await isFreshDataDir(dir)).toBe(true);
  });

  it('is not fresh once anything is in it (a restart keeps the data and does not reseed)', async () => {
    await mkdir(path.join(dir, 'secrets'));
    expect(await isFreshDataDir(dir)).toBe(false);
    await rm(path.join(dir, 'secrets'), { recursive: true });
    await writeFile(path.join(dir, 'file'), 'x');
    expect(await isFreshDataDir(dir)).toBe(false);
  });
});
