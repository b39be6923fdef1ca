import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore, type SqlStatement, type StoredEvent } from '@hld/persistence';
import { evolve, type CommitmentState } from '../domain/commitment.js';
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

/** A column of commitment_view: the state field it holds, as sent to PostgreSQL. */
interface ViewColumn {
  name: string;
  value: (s: CommitmentState) => unknown;
  cast?: string;
  /** The row's identity: inserted, never updated. */
  key?: true;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

const VIEW_COLUMNS: readonly ViewColumn[] = [
  { name: 'id', value: (s) => s.id, key: true },
  { name: 'code', value: (s) => s.code },
  { name: 'title', value: (s) => s.title },
  { name: 'text', value: (s) => s.text },
  { name: 'source', value: (s) => s.source },
  { name: 'kind', value: (s) => s.kind },
  { name: 'lead_agency', value: (s) => s.leadAgency },
  { name: 'supporting_agencies', value: (s) => s.supportingAgencies, cast: 'text[]' },
  { name: 'agenda_items', value: (s) => s.agendaItems, cast: 'smallint[]' },
  { name: 'sdg_targets', value: (s) => s.sdgTargets, cast: 'text[]' },
  { name: 'due_date', value: (s) => s.dueDate, cast: 'date' },
  { name: 'status', value: (s) => s.status },
  { name: 'version', value: (s) => s.version, cast: 'int' },
  { name: 'registered_at', value: (s) => iso(s.registeredAt), cast: 'timestamptz' },
  { name: 'updated_at', value: (s) => iso(s.updatedAt), cast: 'timestamptz' },
  { name: 'last_report_period', value: (s) => s.lastReportPeriod, cast: 'int' },
  { name: 'last_reported_at', value: (s) => iso(s.lastReportedAt), cast: 'timestamptz' },
  { name: 'original_due_date', value: (s) => s.originalDueDate, cast: 'date' },
  { name: 'pending_extension', value: (s) => (s.pendingExtension ? JSON.stringify(s.pendingExtension) : null), cast: 'jsonb' },
];

const placeholder = (column: ViewColumn, n: number): string => (column.cast ? `$${n}::${column.cast}` : `$${n}`);

const VIEW_INSERT = `INSERT INTO commitment_view (${VIEW_COLUMNS.map((c) => c.name).join(', ')})
  VALUES (${VIEW_COLUMNS.map((c, i) => placeholder(c, i + 1)).join(', ')})`;

/** UPDATE statements by the columns they set, each text built once (the event store prepares it by its text). */
const viewUpdates = new Map<string, string>();

function viewUpdateSql(changed: readonly ViewColumn[]): string {
  const key = changed.map((column) => column.name).join(',');
  let sql = viewUpdates.get(key);
  if (sql === undefined) {
    sql = `UPDATE commitment_view SET ${changed.map((c, i) => `${c.name} = ${placeholder(c, i + 2)}`).join(', ')} WHERE id = $1`;
    viewUpdates.set(key, sql);
  }
  return sql;
}

/** Equal as column values: lists element by element, everything else (strings, numbers, null) by identity. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
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
      return {
        sql: VIEW_INSERT,
        params: VIEW_COLUMNS.map((column) => column.value(after)),
      };
    }
    const changed = VIEW_COLUMNS.filter((column) => !column.key && !sameValue(column.value(before), column.value(after)));
    return {
      sql: viewUpdateSql(changed),
      params: [after.id, ...changed.map((column) => column.value(after))],
    };
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
