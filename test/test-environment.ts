import { randomUUID } from 'node:crypto';

/** The settings every test process uses: its own database and queue prefix, never the dev data. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hld_test';

export function applyTestEnvironment(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  // a prefix of its own for each test file (this runs once per file): queues and the sign-in budgets kept in Redis
  // never carry over from one file, or one run, to the next (the hostile-input test spends many failed sign-ins)
  process.env.QUEUE_PREFIX = `${process.env.TEST_QUEUE_PREFIX ?? 'hld-test'}-${randomUUID().slice(0, 8)}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'error';
  // every test signs in from 127.0.0.1, so the sign-in budget per address would be spent across a file's tests;
  // the tests of that budget boot an API with the default and name their own addresses through a trusted proxy
  process.env.LOGIN_THROTTLE_ADDRESS_LIMIT ??= '1000';
}
