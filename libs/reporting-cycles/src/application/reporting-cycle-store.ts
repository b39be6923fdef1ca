import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { EventStore, UnitOfWork } from '@hld/persistence';
import { VersionConflict, type ChangeContext } from '@hld/kernel';
import { CycleNotFound, evolveCycle, type CycleEvent, type ReportingCycleState } from '../domain/reporting-cycle.js';

export const CYCLE_STREAM = 'reporting-cycle';
const NAMESPACE = '0b6f3f8e-4f5e-4d59-9c63-2b1d1c9a7e21';
export const cycleStreamId = (year: number): string => uuidv5(`reporting-cycle-${year}`, NAMESPACE);

export interface ReportingCycleRow {
  year: number;
  opens_at: Date;
  deadline: Date;
  meeting_date: Date | null;
  summary_date: Date | null;
  time_zone: string;
  reminder_offsets_days: number[];
  version: number;
  updated_at: Date;
}

export const toCycleState = (r: ReportingCycleRow): ReportingCycleState => ({
  year: r.year,
  opensAt: r.opens_at,
  deadline: r.deadline,
  meetingDate: r.meeting_date,
  summaryDate: r.summary_date,
  timeZone: r.time_zone,
  reminderOffsetsDays: r.reminder_offsets_days,
  version: r.version,
  updatedAt: r.updated_at,
});

/** Reporting cycles as event streams (one per year), with the reporting_cycles read model in the same transaction. */
@Injectable()
export class ReportingCycleStore {
  constructor(
    private readonly eventStore: EventStore,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async load(year: number): Promise<ReportingCycleState | null> {
    const events = await this.eventStore.readStream(cycleStreamId(year));
    return events.reduce<ReportingCycleState | null>(
      (s, e) => evolveCycle(s, { type: e.type as CycleEvent['type'], payload: e.payload, occurredAt: e.recordedAt }),
      null,
    );
  }

  async get(year: number): Promise<ReportingCycleState> {
    const state = await this.load(year);
    if (!state) throw new CycleNotFound(year);
    return state;
  }

  async append(year: number, expectedVersion: number, event: CycleEvent, context: ChangeContext): Promise<ReportingCycleState> {
    return this.eventStore.transaction(async (tx) => {
      const current = expectedVersion === 0 ? null : await this.get(year);
      if (current && current.version !== expectedVersion) throw new VersionConflict(expectedVersion, current.version);
      // a cycle's schedule takes effect when it is recorded
      const recorded = { type: event.type, payload: event.payload, effectiveAt: event.occurredAt, recordedAt: event.occurredAt };
      await this.eventStore.append({ id: cycleStreamId(year), type: CYCLE_STREAM }, expectedVersion, [recorded], {
        actor: context.actor,
        correlationId: context.correlationId,
        ...(context.clientIp ? { clientIp: context.clientIp } : {}),
      });
      const next = evolveCycle(current, event);
      await tx.query(
        `INSERT INTO reporting_cycles (year, id, opens_at, deadline, meeting_date, summary_date, time_zone, reminder_offsets_days, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (year) DO UPDATE SET opens_at = EXCLUDED.opens_at, deadline = EXCLUDED.deadline,
           meeting_date = EXCLUDED.meeting_date, summary_date = EXCLUDED.summary_date, time_zone = EXCLUDED.time_zone,
           reminder_offsets_days = EXCLUDED.reminder_offsets_days, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
        [
          year,
          cycleStreamId(year),
          next.opensAt,
          next.deadline,
          next.meetingDate,
          next.summaryDate,
          next.timeZone,
          next.reminderOffsetsDays,
          next.version,
          next.updatedAt,
        ],
      );
      return next;
    });
  }

  async list(): Promise<ReportingCycleState[]> {
    const rows: ReportingCycleRow[] = await this.unitOfWork.manager.query('SELECT * FROM reporting_cycles ORDER BY year');
    return rows.map(toCycleState);
  }
}
