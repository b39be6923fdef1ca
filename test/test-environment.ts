/** The settings every test process uses: its own database and queue prefix, never the dev data. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hld_test';

export function applyTestEnvironment(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.QUEUE_PREFIX = process.env.TEST_QUEUE_PREFIX ?? 'hld-test';
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'error';
}
