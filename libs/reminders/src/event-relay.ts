import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import { CYCLE_STREAM, ReportingCycleStore } from '@hld/reporting-cycles';
import { ReminderScheduler } from './reminder-scheduler.js';

const SUBSCRIPTION = 'reminder-scheduler';
/** Commitment events that change which due-date reminders it should have. */
const DUE_DATE_EVENTS = ['CommitmentRegistered', 'CommitmentDueDateSet', 'CommitmentExtensionApproved', 'CommitmentStatusChanged'];

interface EventRef {
  transaction_id: string;
  position: string;
  stream_id: string;
  stream_type: string;
  type: string;
}

/**
 * Reads the event log after its checkpoint and reschedules what each event touches. The log is the outbox:
 * a command commits its events and nothing else, and this relay (at least once; rescheduling is idempotent)
 * carries the intent to Redis — after a crash, or once Redis is back. It reads in (transaction id, position)
 * order and only transactions older than the snapshot's xmin, so an event whose transaction commits late is
 * never skipped.
 */
@Injectable()
export class EventRelay {
  private readonly logger = new Logger(EventRelay.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly scheduler: ReminderScheduler,
    private readonly cycles: ReportingCycleStore,
  ) {}

  /** Handles the next batch; returns how many events it read. */
  async poll(batch = 1000): Promise<number> {
    const db = this.unitOfWork.manager;
    const [checkpoint] = await db.query(`SELECT transaction_id::text, position FROM subscription_checkpoints WHERE name = $1`, [SUBSCRIPTION]);
    const events: EventRef[] = await db.query(
      `SELECT transaction_id::text, position, stream_id, stream_type, type FROM events
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, position LIMIT $3`,
      [checkpoint?.transaction_id ?? '0', checkpoint?.position ?? 0, batch],
    );
    if (events.length === 0) return 0;
    const commitments = new Set<string>();
    let cyclesChanged = false;
    for (const e of events) {
      if (e.stream_type === CYCLE_STREAM) cyclesChanged = true;
      else if (DUE_DATE_EVENTS.includes(e.type)) commitments.add(e.stream_id);
    }
    // there is one cycle a year: rescheduling them all is cheaper than working out which one changed
    if (cyclesChanged) for (const cycle of await this.cycles.list()) await this.scheduler.reconcileCycle(cycle);
    await this.scheduler.reconcileCommitments([...commitments]);
    const last = events[events.length - 1];
    await db.query(
      `INSERT INTO subscription_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position
       WHERE (subscription_checkpoints.transaction_id, subscription_checkpoints.position) < (EXCLUDED.transaction_id, EXCLUDED.position)`,
      [SUBSCRIPTION, last.transaction_id, last.position],
    );
    this.logger.debug(`relayed ${events.length} event(s)`);
    return events.length;
  }
}
