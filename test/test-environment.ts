/** The settings every test process uses: its own database and queue prefix, never the dev data. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hld_test';

export function applyTestEnvironment(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.QUEUE_PREFIX = process.env.TEST_QUEUE_PREFIX ?? 'hld-test';
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'error';
  // every test signs in from 127.0.0.1, so the sign-in budget per address would be spent across tests and runs;
  // the tests of that budget boot an API with the default and name their own addresses through a trusted proxy
  process.env.LOGIN_THROTTLE_ADDRESS_LIMIT ??= '1000';
}
