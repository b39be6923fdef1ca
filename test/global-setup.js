// Plain JavaScript: Jest loads global setup outside its module mapping, so this uses the built migrations
// (`npm test` builds first).
import { recreateDatabase } from '../dist/db/migrate.js';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hld_test';

/** A fresh, migrated test database for every run: tests never see the previous run's data. */
export default async function globalSetup() {
  await recreateDatabase(TEST_DATABASE_URL);
}
