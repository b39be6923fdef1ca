import { Injectable } from '@nestjs/common';
import sql, { join, raw, Sql } from 'sql-template-tag';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@hld/persistence';
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
export interface ViewColumn {
  name: string;
  field: (s: CommitmentState) => unknown;
  /** Turns the field into a parameter, when the driver's own conversion would not do (or would be slower). */
  send?: (value: never) => unknown;
  cast?: string;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** Every column the projection writes but the id, which is inserted and never updated. */
export const VIEW_COLUMNS: readonly ViewColumn[] = [
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

/** The column's value in `state`, as a parameter (with its cast, if any). */
const parameter = (column: ViewColumn, state: CommitmentState): Sql => {
  const value = column.field(state);
  return new Sql(['', column.cast ? `::${column.cast}` : ''], [column.send ? column.send(value as never) : value]);
};

const INSERTED_COLUMNS: readonly ViewColumn[] = [{ name: 'id', field: (s) => s.id }, ...VIEW_COLUMNS];

const INSERTED_NAMES = raw(INSERTED_COLUMNS.map((c) => c.name).join(', '));

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

/**
 * An event to project, and where it sits in the log: its position when it is known (the rebuild), else the SQL
 * the event store gives for the position of an event it is appending in the same statement.
 */
interface EventAt {
  event: CommitmentEvent;
  actorId: string;
  position: number | Sql;
}

/**
 * Keeps the read models (commitment_view, commitment_status_counts, progress_reports, extension_requests) in step with the
 * events. It only says what to write: the repository runs these statements in the very statement that appends
 * the events, and the rebuild runs them one by one.
 */
@Injectable()
export class CommitmentProjection {
  constructor(private readonly eventStore: EventStore) {}

  statements(before: CommitmentState | null, after: CommitmentState, events: readonly EventAt[]): Sql[] {
    const statements = [this.viewWrite(before, after)];
    const counts = this.countsDelta(before, after);
    if (counts) statements.push(counts);
    for (const { event, actorId, position } of events) {
      const statement = this.eventRow(event, actorId, position);
      if (statement) statements.push(statement);
    }
    return statements;
  }

  /** The rows an event adds or changes beside the commitment's own: its progress reports and extension requests. */
  private eventRow(event: CommitmentEvent, actorId: string, position: number | Sql): Sql | null {
    switch (event.type) {
      case 'ProgressReported': {
        const p = event.payload;
        return sql`INSERT INTO progress_reports (id, commitment_id, period, agency, kind, summary, evidence_urls, indicators, reported_at, reported_by, event_position)
              VALUES (${p.reportId}, ${event.commitmentId}, ${p.period}, ${p.agency}, ${p.kind ?? 'report'}, ${p.summary}, ${p.evidenceUrls},
                ${JSON.stringify(p.indicators)}::jsonb, ${event.occurredAt}, ${actorId}, ${position})`;
      }
      case 'CommitmentExtensionRequested': {
        const p = event.payload;
        return sql`INSERT INTO extension_requests (request_id, commitment_id, due_date, reason, requested_at, requested_by)
              VALUES (${p.requestId}, ${event.commitmentId}, ${p.dueDate}::date, ${p.reason}, ${event.occurredAt}, ${actorId})`;
      }
      case 'CommitmentExtensionApproved': {
        const p = event.payload;
        return sql`UPDATE extension_requests SET outcome = 'approved', decided_at = ${event.occurredAt}, decided_by = ${actorId},
              comment = ${p.comment}, previous_due_date = ${p.previousDueDate}::date WHERE request_id = ${p.requestId}`;
      }
      case 'CommitmentExtensionDeclined': {
        const p = event.payload;
        return sql`UPDATE extension_requests SET outcome = 'declined', decided_at = ${event.occurredAt}, decided_by = ${actorId},
              comment = ${p.comment} WHERE request_id = ${p.requestId}`;
      }
      default:
        return null;
    }
  }

  /** Empties the read models and replays every commitment event into them, in one transaction. */
  async rebuild(tx: EntityManager): Promise<{ events: number; commitments: number }> {
    await tx.query('TRUNCATE commitment_view, commitment_status_counts, progress_reports, extension_requests');
    const states = new Map<string, CommitmentState>();
    let events = 0;
    for await (const page of this.eventStore.readAll(COMMITMENT_STREAM, tx)) {
      for (const storedEvent of page) {
        const event = commitmentEventFrom(storedEvent);
        const before = states.get(event.commitmentId) ?? null;
        const after = evolve(before, event);
        states.set(event.commitmentId, after);
        for (const statement of this.statements(before, after, [
          { event, position: storedEvent.position, actorId: storedEvent.metadata.actor.id },
        ])) {
          await tx.query(statement.text, statement.values);
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
  private viewWrite(before: CommitmentState | null, after: CommitmentState): Sql {
    if (!before) {
      return sql`INSERT INTO commitment_view (${INSERTED_NAMES}) VALUES (${join(INSERTED_COLUMNS.map((column) => parameter(column, after)))})`;
    }
    const assignments: Sql[] = [];
    for (const column of VIEW_COLUMNS) {
      if (unchanged(column.field(before), column.field(after))) continue;
      assignments.push(sql`${raw(column.name)} = ${parameter(column, after)}`);
    }
    return sql`UPDATE commitment_view SET ${join(assignments)} WHERE id = ${after.id}`;
  }

  /** The counter changes between two states, or null when there are none. */
  private countsDelta(before: CommitmentState | null, after: CommitmentState): Sql | null {
    const delta = new Map<CountKey, number>();
    for (const key of contributions(before)) delta.set(key, (delta.get(key) ?? 0) - 1);
    for (const key of contributions(after)) delta.set(key, (delta.get(key) ?? 0) + 1);
    // sorted, so concurrent writers lock counter rows in the same order and cannot deadlock
    const changed = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    if (changed.length === 0) return null;
    const [dimensions, keys, statuses] = [0, 1, 2].map((i) => changed.map(([k]) => k.split('|')[i]));
    return sql`INSERT INTO commitment_status_counts (dimension, key, status, count)
            SELECT * FROM unnest(${dimensions}::text[], ${keys}::text[], ${statuses}::text[], ${changed.map(([, d]) => d)}::int[])
            ON CONFLICT (dimension, key, status) DO UPDATE SET count = commitment_status_counts.count + EXCLUDED.count`;
  }
}
