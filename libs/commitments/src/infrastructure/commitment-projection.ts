import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore, type SqlStatement, type StoredEvent } from '@hld/persistence';
import { evolve, type CommitmentState, type PendingExtension } from '../domain/commitment.js';
import { commitmentEventFrom, type CommitmentEvent } from '../domain/commitment-events.js';

export const COMMITMENT_STREAM = 'commitment';

type CountKey = `${'agency' | 'agendaItem'}|${string}|${string}`;

/** The (dimension, key, status) counters one commitment contributes to: its lead agency and agenda items. */
function contributions(state: CommitmentState | null): CountKey[] {
  if (!state) return [];
  return [
    `agency|${state.leadAgency}|${state.status}` as CountKey,
    ...state.agendaItems.map((n) => `agendaItem|${n}|${state.status}` as CountKey),
  ];
}

/** A column of commitment_view: the state field it holds, and how that is sent to PostgreSQL. */
interface ViewColumn {
  name: string;
  field: (s: CommitmentState) => unknown;
  /** Turns the field into a parameter, when the driver's own conversion would not do (or would be slower). */
  send?: (value: never) => unknown;
  cast?: string;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** Every column but the id, which is inserted and never updated. */
const VIEW_COLUMNS: readonly ViewColumn[] = [
  { name: 'code', field: (s) => s.code },
  { name: 'title', field: (s) => s.title },
  { name: 'text', field: (s) => s.text },
  { name: 'source', field: (s) => s.source },
  { name: 'kind', field: (s) => s.kind },
  { name: 'lead_agency', field: (s) => s.leadAgency },
  { name: 'supporting_agencies', field: (s) => s.supportingAgencies, cast: 'text[]' },
  { name: 'agenda_items', field: (s) => s.agendaItems, cast: 'smallint[]' },
  { name: 'sdg_targets', field: (s) => s.sdgTargets, cast: 'text[]' },
  { name: 'due_date', field: (s) => s.dueDate, cast: 'date' },
  { name: 'status', field: (s) => s.status },
  { name: 'version', field: (s) => s.version, cast: 'int' },
  { name: 'registered_at', field: (s) => s.registeredAt, send: iso, cast: 'timestamptz' },
  { name: 'updated_at', field: (s) => s.updatedAt, send: iso, cast: 'timestamptz' },
  { name: 'last_report_period', field: (s) => s.lastReportPeriod, cast: 'int' },
  { name: 'last_reported_at', field: (s) => s.lastReportedAt, send: iso, cast: 'timestamptz' },
  { name: 'original_due_date', field: (s) => s.originalDueDate, cast: 'date' },
  {
    name: 'pending_extension',
    field: (s) => s.pendingExtension,
    send: (value: PendingExtension | null) => (value ? JSON.stringify(value) : null),
    cast: 'jsonb',
  },
];

const parameter = (column: ViewColumn, state: CommitmentState): unknown => {
  const value = column.field(state);
  return column.send ? column.send(value as never) : value;
};

const placeholder = (column: ViewColumn, n: number): string => (column.cast ? `$${n}::${column.cast}` : `$${n}`);

const INSERTED_COLUMNS: readonly ViewColumn[] = [{ name: 'id', field: (s) => s.id }, ...VIEW_COLUMNS];

const VIEW_INSERT = `INSERT INTO commitment_view (${INSERTED_COLUMNS.map((c) => c.name).join(', ')})
  VALUES (${INSERTED_COLUMNS.map((c, i) => placeholder(c, i + 1)).join(', ')})`;

/** UPDATE statements by the columns they set, each text built once (the event store prepares it by its text). */
const viewUpdates = new Map<string, string>();

function viewUpdateSql(key: string, changed: readonly ViewColumn[]): string {
  let sql = viewUpdates.get(key);
  if (sql === undefined) {
    sql = `UPDATE commitment_view SET ${changed.map((c, i) => `${c.name} = ${placeholder(c, i + 2)}`).join(', ')} WHERE id = $1`;
    viewUpdates.set(key, sql);
  }
  return sql;
}

/**
 * Whether a field kept its value from one state to the next. Evolving a state copies the fields an event leaves
 * alone, so most are the very same value; lists, dates and the pending extension are compared by content.
 */
function unchanged(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** Where a progress report's event sits: its position when known (rebuild), else its version in `appended`. */
type EventAt = { event: CommitmentEvent; actorId: string } & ({ position: number } | { version: number });

/**
 * Keeps the read models (commitment_view, commitment_status_counts, progress_reports) in step with the
 * events. It only says what to write: the repository runs these statements in the very statement that appends
 * the events, and the rebuild runs them one by one.
 */
@Injectable()
export class CommitmentProjection {
  constructor(private readonly eventStore: EventStore) {}

  statements(before: CommitmentState | null, after: CommitmentState, events: readonly EventAt[]): SqlStatement[] {
    const statements = [this.viewWrite(before, after)];
    const counts = this.countsDelta(before, after);
    if (counts) statements.push(counts);
    for (const at of events) {
      if (at.event.type !== 'ProgressReported') continue;
      const p = at.event.payload;
      const position = 'position' in at ? '$11::bigint' : '(SELECT position FROM appended WHERE stream_version = $11)';
      statements.push({
        sql: `INSERT INTO progress_reports (id, commitment_id, period, agency, kind, summary, evidence_urls, indicators, reported_at, reported_by, event_position)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, ${position})`,
        params: [
          p.reportId, at.event.commitmentId, p.period, p.agency, p.kind ?? 'report', p.summary, p.evidenceUrls,
          JSON.stringify(p.indicators), at.event.occurredAt, at.actorId, 'position' in at ? at.position : at.version,
        ],
      });
    }
    return statements;
  }

  /** Empties the read models and replays every commitment event into them, in one transaction. */
  async rebuild(tx: EntityManager): Promise<{ events: number; commitments: number }> {
    await tx.query('TRUNCATE commitment_view, commitment_status_counts, progress_reports');
    const states = new Map<string, CommitmentState>();
    let events = 0;
    for await (const page of this.eventStore.readAll(COMMITMENT_STREAM, tx)) {
      for (const storedEvent of page) {
        const event = commitmentEventFrom(storedEvent);
        const before = states.get(event.commitmentId) ?? null;
        const after = evolve(before, event);
        states.set(event.commitmentId, after);
        for (const statement of this.statements(before, after, [{ event, position: storedEvent.position, actorId: storedEvent.metadata.actor.id }])) {
          await tx.query(statement.sql, statement.params);
        }
        events += 1;
      }
    }
    return { events, commitments: states.size };
  }

  /**
   * A new commitment's row, or the columns an event changed in an existing one (usually status, version and
   * updated_at): less to send, to parse and to check than the whole row, and the same few statement texts recur.
   */
  private viewWrite(before: CommitmentState | null, after: CommitmentState): SqlStatement {
    if (!before) {
      return { sql: VIEW_INSERT, params: INSERTED_COLUMNS.map((column) => parameter(column, after)) };
    }
    const changed: ViewColumn[] = [];
    const params: unknown[] = [after.id];
    let key = '';
    for (const column of VIEW_COLUMNS) {
      if (unchanged(column.field(before), column.field(after))) continue;
      changed.push(column);
      params.push(parameter(column, after));
      key += `${column.name},`;
    }
    return { sql: viewUpdateSql(key, changed), params };
  }

  /** The counter changes between two states, or null when there are none. */
  private countsDelta(before: CommitmentState | null, after: CommitmentState): SqlStatement | null {
    const delta = new Map<CountKey, number>();
    for (const key of contributions(before)) delta.set(key, (delta.get(key) ?? 0) - 1);
    for (const key of contributions(after)) delta.set(key, (delta.get(key) ?? 0) + 1);
    // sorted, so concurrent writers lock counter rows in the same order and cannot deadlock
    const changed = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    if (changed.length === 0) return null;
    const [dimensions, keys, statuses] = [0, 1, 2].map((i) => changed.map(([k]) => k.split('|')[i]));
    return {
      sql: `INSERT INTO commitment_status_counts (dimension, key, status, count)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
            ON CONFLICT (dimension, key, status) DO UPDATE SET count = commitment_status_counts.count + EXCLUDED.count`,
      params: [dimensions, keys, statuses, changed.map(([, d]) => d)],
    };
  }
}
