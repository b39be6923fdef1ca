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
    const statements = [this.viewUpsert(after)];
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

  private viewUpsert(s: CommitmentState): SqlStatement {
    return {
      sql: `INSERT INTO commitment_view (id, code, title, text, source, kind, lead_agency, supporting_agencies, agenda_items,
              sdg_targets, due_date, status, version, registered_at, updated_at, last_report_period, last_reported_at,
              original_due_date, pending_extension)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb)
            ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, title = EXCLUDED.title, text = EXCLUDED.text,
              source = EXCLUDED.source, kind = EXCLUDED.kind, lead_agency = EXCLUDED.lead_agency,
              supporting_agencies = EXCLUDED.supporting_agencies, agenda_items = EXCLUDED.agenda_items,
              sdg_targets = EXCLUDED.sdg_targets, due_date = EXCLUDED.due_date, status = EXCLUDED.status,
              version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
              last_report_period = EXCLUDED.last_report_period, last_reported_at = EXCLUDED.last_reported_at,
              original_due_date = EXCLUDED.original_due_date, pending_extension = EXCLUDED.pending_extension`,
      params: [
        s.id, s.code, s.title, s.text, s.source, s.kind, s.leadAgency, s.supportingAgencies, s.agendaItems,
        s.sdgTargets, s.dueDate, s.status, s.version, s.registeredAt, s.updatedAt, s.lastReportPeriod, s.lastReportedAt,
        s.originalDueDate, s.pendingExtension ? JSON.stringify(s.pendingExtension) : null,
      ],
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
