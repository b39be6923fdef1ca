import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { EventRelay } from '@hld/reminders';
import { TestClock } from '../helpers/test-clock.js';
import { startTestWorker } from '../helpers/test-worker.js';
import { TEST_DATABASE_URL } from '../test-environment.js';

/**
 * Reliability scenario 10: a transaction takes a lower position, then stays open while later ones commit.
 * The relay must not move its checkpoint past it: once it commits, the relay still reads it.
 */
describe('Event relay and late-committing transactions', () => {
  const saved = { ...process.env };
  let worker: TestingModule;
  let relay: EventRelay;
  let db: DataSource;

  beforeAll(async () => {
    process.env.QUEUE_PREFIX = `hld-test-relay-${randomUUID().slice(0, 8)}`;
    process.env.POLL_INTERVAL_MS = '600000'; // this test polls by hand
    worker = await startTestWorker(new TestClock());
    relay = worker.get(EventRelay);
    db = worker.get<DataSource>(getDataSourceToken());
    while ((await relay.poll()) > 0); // catch up with what other tests wrote
  });
  afterAll(async () => {
    await worker.close();
    process.env = saved;
  });

  const insert = (client: { query: (q: string, p: unknown[]) => Promise<unknown> }, stream: string) =>
    client.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at)
       VALUES ($1, 'probe', 1, 'Probed', '{}', '{"actor":{"id":"t"},"correlationId":"t"}', now(), now())`,
      [stream],
    );
  const checkpoint = async () =>
    Number((await db.query(`SELECT position FROM subscription_checkpoints WHERE name = 'reminder-scheduler'`))[0]?.position ?? 0);

  it('reads an event whose transaction commits after later ones, and skips none', async () => {
    const late = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await late.connect();
    try {
      await late.query('BEGIN');
      const lateStream = randomUUID();
      await insert(late, lateStream); // takes its position now
      const [{ position: latePosition }] = (
        await late.query('SELECT max(position) AS position FROM events WHERE stream_id = $1', [lateStream])
      ).rows;

      const early = [randomUUID(), randomUUID(), randomUUID()];
      for (const stream of early) await insert(db, stream); // later positions, committed at once

      let read = 0;
      while (true) {
        const n = await relay.poll();
        if (n === 0) break;
        read += n;
      }
      // while the late transaction is open, the relay waits behind it: it has not passed it
      expect(read).toBe(0);
      expect(Number(await checkpoint())).toBeLessThan(Number(latePosition));

      await late.query('COMMIT');
      let after = 0;
      for (let n = await relay.poll(); n > 0; n = await relay.poll()) after += n;
      expect(after).toBe(4); // the late one and the three that committed before it
      const [{ position: last }] = await db.query(`SELECT max(position) AS position FROM events`);
      expect(Number(await checkpoint())).toBe(Number(last));
    } finally {
      await late.end();
    }
  });
});
