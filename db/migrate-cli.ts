import { loadEnvironment } from '@hld/config';
import { migrate } from './migrate.js';

const env = loadEnvironment();
try {
  const ran = await migrate(env.DATABASE_URL);
  console.log(ran.length ? `Migrated ${new URL(env.DATABASE_URL).pathname.slice(1)}: ${ran.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
