import { Injectable } from '@nestjs/common';
import type { EventMetadata, StoredEvent } from './event-store.js';
import { UnitOfWork } from './unit-of-work.js';

/** An event as a subscription receives it: a stored event, and the transaction that wrote it. */
export interface SubscribedEvent extends StoredEvent {
  transactionId: string;
}

/** What a consumer of the event log declares. */
export interface EventSubscriptionDefinition {
  /**
   * The key of its checkpoint. Never rename a subscription that has run: under a new name it starts again from
   * the first event.
   */
  name: string;
  /** The event types it is given; its checkpoint moves past the others all the same. */
  eventTypes: readonly string[];
  /**
   * Handles a batch, in log order, inside the transaction that then moves the checkpoint: what it writes to
   * PostgreSQL through the unit of work commits with the checkpoint, or not at all. Anything else it does (a
   * job added to Redis, a request to a webhook) may be done again after a failure, so it must be idempotent.
   */
  handle(events: readonly SubscribedEvent[]): Promise<void>;
}

/** One subscription to the event log; see EventSubscriptions. */
export interface EventSubscription {
  readonly name: string;
  /** Hands the next batch to the handler; returns how many events it read (those of other types included). */
  poll(batchSize?: number): Promise<number>;
  /** Polls until nothing is left; returns how many events it read. */
  catchUp(): Promise<number>;
}

interface EventRow {
  transaction_id: string;
  position: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  type: string;
  payload: Record<string, unknown> | null;
  metadata: EventMetadata | null;
  effective_at: Date;
  recorded_at: Date;
}

const DEFAULT_BATCH = 1000;

/**
 * The transaction id below which every transaction that could write this log has finished, as of the
 * statement's snapshot: the oldest one the snapshot saw running, unless it is shown running in another database;
 * with none, the snapshot's xmax.
 */
const HORIZON = `SELECT coalesce(
    (SELECT min(running) FROM pg_snapshot_xip(snapshot) running
     WHERE running::xid NOT IN (SELECT backend_xid FROM pg_stat_activity
                                WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())),
    pg_snapshot_xmax(snapshot))
  FROM pg_current_snapshot() snapshot`;

/**
 * Durable, ordered consumers of the event log: what any work that must not be lost uses to react to events
 * (reminders today; live updates and webhooks next). A command commits its events and nothing else; each
 * subscription reads them after its checkpoint (kept in `subscription_checkpoints`), at least once, in the
 * order their transactions committed, and survives restarts, crashes and a lost Redis.
 *
 * Positions are taken when a transaction inserts, not when it commits, so a reader that asks for "positions
 * above my checkpoint" can skip an event whose transaction commits late. This one reads in (transaction id,
 * position) order, and only transactions older than every one of this database still running: an event is read
 * once all before it in that order are final. (Transactions of other databases on the same server are left
 * out: they cannot write this log, and a long one, a bulk load elsewhere, would otherwise hold every
 * subscription back. One is left out only when PostgreSQL positively shows it running in another database.)
 * A batch and the checkpoint move in one transaction,
 * under an advisory lock per subscription, so two processes polling the same subscription take turns instead
 * of handling the same events twice.
 */
@Injectable()
export class EventSubscriptions {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  subscribe(definition: EventSubscriptionDefinition): EventSubscription {
    const poll = (batchSize = DEFAULT_BATCH) => this.poll(definition, batchSize);
    return {
      name: definition.name,
      poll,
      catchUp: async () => {
        let read = 0;
        for (let n = await poll(); n > 0; n = await poll()) read += n;
        return read;
      },
    };
  }

  private poll({ name, eventTypes, handle }: EventSubscriptionDefinition, batchSize: number): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      // (an advisory lock takes no transaction id: it holds back no other subscription's xmin)
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('event-subscription'), hashtext($1))`, [name]);
      const [checkpoint]: Array<{ transaction_id: string; position: string }> = await tx.query(
        `SELECT transaction_id::text, position FROM subscription_checkpoints WHERE name = $1`,
        [name],
      );
      // the payloads of the types it wants only: the others are read just to move past them
      const rows: EventRow[] = await tx.query(
        `SELECT transaction_id::text, position, stream_id, stream_type, stream_version, type, effective_at, recorded_at,
                CASE WHEN type = ANY($3::text[]) THEN payload END AS payload, CASE WHEN type = ANY($3::text[]) THEN metadata END AS metadata
         FROM events
         WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < (${HORIZON})
         ORDER BY transaction_id, position LIMIT $4`,
        [checkpoint?.transaction_id ?? '0', checkpoint?.position ?? 0, eventTypes, batchSize],
      );
      if (rows.length === 0) return 0;
      const wanted = new Set(eventTypes);
      const events = rows.filter((row) => wanted.has(row.type)).map(toSubscribedEvent);
      if (events.length > 0) await handle(events);
      const last = rows[rows.length - 1];
      await tx.query(
        `INSERT INTO subscription_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
         ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position`,
        [name, last.transaction_id, last.position],
      );
      return rows.length;
    });
  }
}

const toSubscribedEvent = (row: EventRow): SubscribedEvent => ({
  transactionId: row.transaction_id,
  position: Number(row.position),
  streamId: row.stream_id,
  streamType: row.stream_type,
  streamVersion: row.stream_version,
  type: row.type,
  payload: row.payload ?? {},
  metadata: row.metadata!,
  effectiveAt: row.effective_at,
  recordedAt: row.recorded_at,
});
