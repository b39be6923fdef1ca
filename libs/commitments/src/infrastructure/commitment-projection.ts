import { Injectable } from '@nestjs/common';
import sql, { join, raw, Sql } from 'sql-template-tag';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@hld/kernel';
import { EventStore } from '@hld/persistence';
import { changeOfPeriods, type CommitmentState, type PendingExtension, type StatePeriod } from '../domain/commitment.js';
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

const VIEW_NAMES = raw(VIEW_COLUMNS.map((c) => c.name).join(', '));

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
  /** Who caused it, from the event's metadata. */
  actor: Actor;
  position: number | Sql;
}

/** What one append changes: the commitment's current state, its events, and its periods of effective time. */
export interface ProjectedChange {
  before: CommitmentState | null;
  after: CommitmentState;
  events: readonly EventAt[];
  periods: { before: readonly StatePeriod[]; after: readonly StatePeriod[] };
}

/** A row of commitment_versions as known from one recording on: a state over a period of effective time. */
export interface VersionRow {
  from: Date;
  to: Date | null;
  state: CommitmentState;
}

const rowsOf = (periods: readonly StatePeriod[]): VersionRow[] =>
  periods.map((period, i) => ({ from: period.from, to: periods[i + 1]?.from ?? null, state: period.state }));

const sameRow = (a: VersionRow, b: VersionRow): boolean =>
  a.to?.getTime() === b.to?.getTime() && VIEW_COLUMNS.every((column) => unchanged(column.field(a.state), column.field(b.state)));

/**
 * The rows of the current knowledge an append ends (`gone`: their effective period or state no longer hold) and
 * the rows it starts (`added`), keyed by `effective_from` (unique among a commitment's current rows).
 */
export function versionRowChanges(periods: ProjectedChange['periods']): { gone: VersionRow[]; added: VersionRow[] } {
  const before = rowsOf(periods.before);
  const after = rowsOf(periods.after);
  const key = (row: VersionRow) => row.from.getTime();
  const afterByFrom = new Map(after.map((row) => [key(row), row]));
  const beforeByFrom = new Map(before.map((row) => [key(row), row]));
  return {
    gone: before.filter((row) => !afterByFrom.has(key(row)) || !sameRow(row, afterByFrom.get(key(row))!)),
    added: after.filter((row) => !beforeByFrom.has(key(row)) || !sameRow(row, beforeByFrom.get(key(row))!)),
  };
}

/**
 * Keeps the read models (commitment_view, commitment_status_counts, progress_reports, extension_requests,
 * commitment_versions) in
 * step with the events. It only says what to write: the repository runs these statements in the very statement
 * that appends the events, and the rebuild runs them one by one.
 */
@Injectable()
export class CommitmentProjection {
  constructor(private readonly eventStore: EventStore) {}

  statements({ before, after, events, periods }: ProjectedChange): Sql[] {
    const statements = [this.viewWrite(before, after)];
    const counts = this.countsDelta(before, after);
    if (counts) statements.push(counts);
    for (const { event, actor, position } of events) {
      const statement = this.eventRow(event, actor, position);
      if (statement) statements.push(statement);
    }
    const recordedAt = new Date(Math.max(...events.map(({ event }) => event.recordedAt.getTime())));
    statements.push(...this.versionWrites(after.id, periods, recordedAt, before?.lastRecordedAt ?? null));
    return statements;
  }

  /**
   * The rows an event adds or changes beside the commitment's own: its progress reports and extension requests.
   * Progress reports keep both times (reported_at: the recorded time, as it always was; effective_at: the date the
   * agency reported it); extension requests are dated when they were asked and decided (effective time).
   */
  private eventRow(event: CommitmentEvent, actor: Actor, position: number | Sql): Sql | null {
    switch (event.type) {
      case 'ProgressReported': {
        const p = event.payload;
        return sql`INSERT INTO progress_reports (id, commitment_id, period, agency, kind, summary, evidence_urls, indicators, reported_at,
                reported_by, reported_by_role, reported_by_agency, event_position, effective_at, recorded_at)
              VALUES (${p.reportId}, ${event.commitmentId}, ${p.period}, ${p.agency}, ${p.kind ?? 'report'}, ${p.summary}, ${p.evidenceUrls},
                ${JSON.stringify(p.indicators)}::jsonb, ${event.recordedAt}, ${actor.id}, ${actor.role ?? null}, ${actor.agency ?? null}, ${position},
                ${event.effectiveAt}, ${event.recordedAt})`;
      }
      case 'CommitmentExtensionRequested': {
        const p = event.payload;
        return sql`INSERT INTO extension_requests (request_id, commitment_id, due_date, reason, requested_at, requested_by)
              VALUES (${p.requestId}, ${event.commitmentId}, ${p.dueDate}::date, ${p.reason}, ${event.effectiveAt}, ${actor.id})`;
      }
      case 'CommitmentExtensionApproved': {
        const p = event.payload;
        return sql`UPDATE extension_requests SET outcome = 'approved', decided_at = ${event.effectiveAt}, decided_by = ${actor.id},
              comment = ${p.comment}, previous_due_date = ${p.previousDueDate}::date WHERE request_id = ${p.requestId}`;
      }
      case 'CommitmentExtensionDeclined': {
        const p = event.payload;
        return sql`UPDATE extension_requests SET outcome = 'declined', decided_at = ${event.effectiveAt}, decided_by = ${actor.id},
              comment = ${p.comment} WHERE request_id = ${p.requestId}`;
      }
      default:
        return null;
    }
  }

  /**
   * Empties the read models and replays every commitment event into them, in one transaction: stream by stream,
   * each in the order it was recorded, with the same statements as the appends (so the tables come out the same).
   */
  async rebuild(tx: EntityManager): Promise<{ events: number; commitments: number }> {
    await tx.query('TRUNCATE commitment_view, commitment_status_counts, progress_reports, extension_requests, commitment_versions');
    let events = 0;
    let commitments = 0;
    for await (const stream of this.eventStore.readStreams(COMMITMENT_STREAM, tx)) {
      const history: CommitmentEvent[] = [];
      let state: CommitmentState | null = null;
      for (const storedEvent of stream) {
        const event = commitmentEventFrom(storedEvent);
        const periods = changeOfPeriods(state, history, [event]);
        const after = periods.after[periods.after.length - 1].state;
        const change = {
          before: state,
          after,
          events: [{ event, position: storedEvent.position, actor: storedEvent.metadata.actor }],
          periods,
        };
        for (const statement of this.statements(change)) await tx.query(statement.text, statement.values);
        history.push(event);
        state = after;
        events += 1;
      }
      commitments += 1;
    }
    return { events, commitments };
  }

  /**
   * The bitemporal rows an append changes, recorded at `recordedAt`: rows of the current knowledge that no longer
   * hold are closed (recorded_to), and the new ones start (recorded_from). A row superseded at the very instant it
   * was recorded (or "before" it, by a clock set back) never held and is removed, so appends recorded at one instant
   * leave what one append would. `lastRecordedAt` (the latest recording before) says whether such rows can exist.
   */
  private versionWrites(id: string, periods: ProjectedChange['periods'], recordedAt: Date, lastRecordedAt: Date | null): Sql[] {
    const { gone, added } = versionRowChanges(periods);
    const statements: Sql[] = [];
    if (gone.length > 0) {
      const froms = gone.map((row) => row.from.toISOString());
      statements.push(sql`UPDATE commitment_versions SET recorded_to = ${recordedAt}
              WHERE commitment_id = ${id} AND recorded_to IS NULL AND effective_from = ANY(${froms}::timestamptz[]) AND recorded_from < ${recordedAt}`);
      if (lastRecordedAt && lastRecordedAt >= recordedAt) {
        statements.push(sql`DELETE FROM commitment_versions
              WHERE commitment_id = ${id} AND recorded_to IS NULL AND effective_from = ANY(${froms}::timestamptz[]) AND recorded_from >= ${recordedAt}`);
      }
    }
    if (added.length > 0) {
      const values = added.map(
        (row) =>
          sql`(${id}::uuid, ${row.from}::timestamptz, ${row.to}::timestamptz, ${recordedAt}::timestamptz, ${join(VIEW_COLUMNS.map((column) => parameter(column, row.state)))})`,
      );
      statements.push(sql`INSERT INTO commitment_versions (commitment_id, effective_from, effective_to, recorded_from, ${VIEW_NAMES})
              VALUES ${join(values)}`);
    }
    return statements;
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
