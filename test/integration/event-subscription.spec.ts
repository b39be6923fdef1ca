import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { EventSubscriptions, PersistenceModule, UnitOfWork, type EventSubscription, type SubscribedEvent } from '@hld/persistence';
import { TEST_DATABASE_URL } from '../test-environment.js';

/**
 * The event log's durable subscriptions, on their own (the reminders use one; this is what any new consumer
 * gets): each event of its types reaches the handler once its transaction has committed, in commit order,
 * never skipped (reliability scenario 10), never recorded twice (scenario 11), and from where it stopped after
 * a restart. The handler records what it is given in a table, in the transaction that moves the checkpoint.
 */
describe('Event subscriptions', () => {
  const modules: TestingModule[] = [];
  let db: DataSource;
  /** Each test's own event type: the log also holds what the other tests wrote. */
  let WANTED = '';
  beforeEach(() => {
    WANTED = `Probed-${randomUUID()}`;
  });

  const start = async (): Promise<TestingModule> => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(loadEnvironment()), PersistenceModule] }).compile();
    await moduleRef.init();
    modules.push(moduleRef);
    return moduleRef;
  };

  beforeAll(async () => {
    db = (await start()).get<DataSource>(getDataSourceToken());
    await db.query(
      `CREATE TABLE IF NOT EXISTS subscription_test_deliveries (subscription text NOT NULL, position bigint NOT NULL, type text NOT NULL)`,
    );
  });
  afterAll(async () => {
    for (const moduleRef of modules) await moduleRef.close();
  });

  /** A subscription to WANTED that records each event it is given; `fail` makes a handling throw after recording. */
  const subscribe = (moduleRef: TestingModule, name: string, fail: () => boolean = () => false): EventSubscription => {
    const unitOfWork = moduleRef.get(UnitOfWork);
    return moduleRef.get(EventSubscriptions).subscribe({
      name,
      eventTypes: [WANTED],
      handle: async (events: readonly SubscribedEvent[]) => {
        for (const e of events) {
          await unitOfWork.manager.query(`INSERT INTO subscription_test_deliveries (subscription, position, type) VALUES ($1, $2, $3)`, [
            name,
            e.position,
            e.type,
          ]);
        }
        if (fail()) throw new Error('the handler failed after recording');
      },
    });
  };
  const delivered = async (name: string): Promise<number[]> =>
    (
      (await db.query(`SELECT position FROM subscription_test_deliveries WHERE subscription = $1 ORDER BY ctid`, [name])) as Array<{
        position: string;
      }>
    ).map((r) => Number(r.position));
  const checkpoint = async (name: string): Promise<number | undefined> => {
    const [row] = await db.query(`SELECT position FROM subscription_checkpoints WHERE name = $1`, [name]);
    return row === undefined ? undefined : Number(row.position);
  };

  type Client = { query: (sql: string, params: unknown[]) => Promise<unknown> };
  /** Appends one event (of `type`) on `client`; returns its position. */
  const append = async (client: Client, type = WANTED): Promise<number> => {
    const result = (await client.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at)
       VALUES ($1, 'probe', 1, $2, '{"n":1}', '{"actor":{"id":"t"},"correlationId":"t"}', now(), now()) RETURNING position`,
      [randomUUID(), type],
    )) as Array<{ position: string }> | { rows: Array<{ position: string }> };
    return Number((Array.isArray(result) ? result : result.rows)[0].position);
  };

  it('gives the handler its types only, with their payloads, and moves its checkpoint past the others', async () => {
    const name = `test-${randomUUID()}`;
    const subscription = subscribe(modules[0], name);
    const wanted1 = await append(db);
    const other = await append(db, `Ignored-${randomUUID()}`);
    const wanted2 = await append(db);
    const seen: SubscribedEvent[] = [];
    const spy = modules[0]
      .get(EventSubscriptions)
      .subscribe({ name: `${name}-spy`, eventTypes: [WANTED], handle: async (events) => void seen.push(...events) });
    await spy.catchUp();
    expect(seen.map((e) => e.position)).toEqual([wanted1, wanted2]);
    expect(seen[0]).toMatchObject({
      type: WANTED,
      streamType: 'probe',
      streamVersion: 1,
      payload: { n: 1 },
      metadata: { correlationId: 't' },
    });

    expect(await subscription.catchUp()).toBeGreaterThanOrEqual(3);
    expect(await delivered(name)).toEqual([wanted1, wanted2]);
    expect(await checkpoint(name)).toBeGreaterThanOrEqual(Math.max(other, wanted2));
    expect(await subscription.poll()).toBe(0);
  });

  it('never skips an event whose transaction commits after later ones: it waits, then delivers it first', async () => {
    const name = `test-${randomUUID()}`;
    const subscription = subscribe(modules[0], name);
    await subscription.catchUp();
    const late = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await late.connect();
    try {
      await late.query('BEGIN');
      const latePosition = await append(late); // takes its position (and transaction id) now
      const early = [await append(db), await append(db), await append(db)]; // later positions, committed at once
      expect(await subscription.catchUp()).toBe(0); // held behind the open transaction: nothing is read past it
      expect(await delivered(name)).toEqual([]);
      await late.query('COMMIT');
      expect(await subscription.catchUp()).toBe(4);
      // in commit order: the late transaction began first
      expect(await delivered(name)).toEqual([latePosition, ...early]);
    } finally {
      await late.end();
    }
  });

  it('is not held back by a transaction running in another database of the same server', async () => {
    const name = `test-${randomUUID()}`;
    const subscription = subscribe(modules[0], name);
    await subscription.catchUp();
    const other = new URL(TEST_DATABASE_URL);
    other.pathname = `${other.pathname}_other`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const database = other.pathname.slice(1);
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 0)
      await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const elsewhere = new pg.Client({ connectionString: other.toString() });
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()'); // takes a transaction id, held until it ends
      const position = await append(db);
      expect(await subscription.catchUp()).toBe(1);
      expect(await delivered(name)).toEqual([position]);
    } finally {
      await elsewhere.query('ROLLBACK');
      await elsewhere.end();
    }
  });

  it('a batch whose handling failed is delivered again, and what the failed attempt wrote is not kept', async () => {
    const name = `test-${randomUUID()}`;
    let failures = 1;
    const subscription = subscribe(modules[0], name, () => failures-- > 0);
    await subscription.catchUp(); // past the events already in the log (none of its type: its handler is not called)
    const positions = [await append(db), await append(db)];
    await expect(subscription.catchUp()).rejects.toThrow('the handler failed after recording');
    expect(await delivered(name)).toEqual([]);
    expect(await subscription.catchUp()).toBe(2);
    expect(await delivered(name)).toEqual(positions);
    expect(await checkpoint(name)).toBe(positions[1]);
  });

  it('two processes polling the same subscription at once deliver each event once', async () => {
    const name = `test-${randomUUID()}`;
    const second = await start();
    const [here, there] = [subscribe(modules[0], name), subscribe(second, name)];
    const positions: number[] = [];
    for (let i = 0; i < 30; i += 1) positions.push(await append(db));
    await Promise.all([here.poll(10), there.poll(10), here.catchUp(), there.catchUp(), here.poll(5), there.poll(5)]);
    expect(await delivered(name)).toEqual(positions);
  });

  it('after a restart, carries on from its checkpoint', async () => {
    const name = `test-${randomUUID()}`;
    const before = await start();
    const first = await append(db);
    await subscribe(before, name).catchUp();
    await before.close();
    modules.splice(modules.indexOf(before), 1);

    const next = await append(db);
    const after = await start();
    await subscribe(after, name).catchUp();
    expect(await delivered(name)).toEqual([first, next]);
  });
});
