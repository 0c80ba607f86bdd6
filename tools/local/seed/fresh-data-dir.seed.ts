import { readdir } from 'node:fs/promises';
import { FRONT_DOOR_URL } from '../local-platform.config';
import { seedAdminToken } from './seed-admin.token';
import { describeSeed, seedCatalogue } from './seed-catalogue';
import { seedDataDir } from './seed-data';

/** Whether `npm start` found no data directory, or an empty one (then it seeds the catalogue once ready). */
export async function isFreshDataDir(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(dataDir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * The catalogue seed of a fresh `npm start`, through the front door once everything is ready; one
 * line for the terminal. A failure does not stop the platform: `npm run seed` can finish the job.
 */
export async function seedFreshPlatform(root: string, dataDir: string): Promise<string> {
  try {
    const api = `${FRONT_DOOR_URL}/v1.0`;
    const report = await seedCatalogue({
      target: { templatesApi: api, pluginsApi: api },
      // The platform's own engines, whatever the shell that started it points at.
      token: await seedAdminToken(dataDir, {}),
      dataDir: seedDataDir(root),
    });
    return describeSeed(report);
  } catch (error) {
    return `catalogue seed failed: ${(error as Error).message} (\`npm run seed\` retries)`;
  }
}
