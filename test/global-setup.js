// Plain JavaScript: Jest loads global setup outside its module mapping, so this uses the built migrations
// (`npm test` builds first).
import pg from 'pg';
import { migrate } from '../dist/db/migrate.js';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hld_test';

/** A fresh, migrated test database for every run: tests never see the previous run's data. */
export default async function globalSetup() {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await migrate(TEST_DATABASE_URL);
}
