import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

/** Runs `work` with a connection to the server's `postgres` database and the name of the database in the URL. */
async function asAdministrator(databaseUrl: string, work: (admin: pg.Client, name: string) => Promise<void>): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Database name "${name}" must be letters, digits and _`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await work(admin, name);
  } finally {
    await admin.end();
  }
}

/** Creates the database named in `databaseUrl` if it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await asAdministrator(databaseUrl, async (admin, name) => {
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // another process created it between the check and the create
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
}

/** Runs every pending migration, each in its own transaction. Returns the names it ran. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, migrations, synchronize: false, logging: ['error'] });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Drops the database named in `databaseUrl` (closing its connections) and creates and migrates it afresh. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  await asAdministrator(databaseUrl, (admin, name) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined));
  await migrate(databaseUrl);
}
