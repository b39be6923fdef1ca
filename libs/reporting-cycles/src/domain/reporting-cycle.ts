import { DomainError } from '@hld/kernel';
import { assertTimeZone, InvalidCycleDate } from './cycle-dates.js';

/** An annual reporting cycle: when it opens (call for inputs), its deadline, the meeting and the summary date. */
export interface CycleSchedule {
  opensAt: Date;
  deadline: Date;
  meetingDate: Date | null;
  summaryDate: Date | null;
  timeZone: string;
  reminderOffsetsDays: number[];
}

export interface ReportingCycleState extends CycleSchedule {
  year: number;
  version: number;
  updatedAt: Date;
}

/** The names a cycle's events are stored under (other contexts subscribe to them by these). */
export const CYCLE_EVENT_TYPES = ['ReportingCycleOpened', 'ReportingCycleRescheduled'] as const;

export interface CycleEvent {
  type: (typeof CYCLE_EVENT_TYPES)[number];
  payload: Record<string, unknown>;
  occurredAt: Date;
}

export class CycleExists extends DomainError {
  constructor(year: number) {
    super('REPORTING_CYCLE_EXISTS', 'conflict', `The ${year} reporting cycle is already open; change it with PATCH.`, { year });
  }
}

export class CycleNotFound extends DomainError {
  constructor(year: number) {
    super('REPORTING_CYCLE_NOT_FOUND', 'not_found', `There is no ${year} reporting cycle.`, { year });
  }
}

const serialise = (s: Partial<CycleSchedule>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
const revive = (p: Record<string, unknown>): Partial<CycleSchedule> =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      ['opensAt', 'deadline', 'meetingDate', 'summaryDate'].includes(k) && typeof v === 'string' ? new Date(v) : v,
    ]),
  );

/** Checks a complete schedule; the first broken rule names its field. */
export function assertSchedule(s: CycleSchedule): void {
  assertTimeZone(s.timeZone);
  if (s.opensAt >= s.deadline) throw new InvalidCycleDate('deadline', 'must be after opensAt');
  if (s.summaryDate && s.summaryDate < s.deadline) throw new InvalidCycleDate('summaryDate', 'must not be before the deadline');
  const offsets = s.reminderOffsetsDays;
  if (offsets.some((d) => !Number.isInteger(d) || d < 1 || d > 365) || new Set(offsets).size !== offsets.length) {
    throw new InvalidCycleDate('reminderOffsetsDays', 'must be distinct whole numbers of days from 1 to 365');
  }
}

export function openCycle(year: number, schedule: CycleSchedule, now: Date): CycleEvent {
  assertSchedule(schedule);
  return { type: 'ReportingCycleOpened', payload: { year, ...serialise(schedule) }, occurredAt: now };
}

export function rescheduleCycle(current: ReportingCycleState, changes: Partial<CycleSchedule>, now: Date): CycleEvent | null {
  const next: CycleSchedule = { ...current, ...changes };
  assertSchedule(next);
  const changed = Object.fromEntries(
    Object.entries(changes).filter(
      ([k, v]) => JSON.stringify(serialise({ [k]: v })) !== JSON.stringify(serialise({ [k]: current[k as keyof CycleSchedule] })),
    ),
  );
  if (Object.keys(changed).length === 0) return null;
  return { type: 'ReportingCycleRescheduled', payload: serialise(changed as Partial<CycleSchedule>), occurredAt: now };
}

export function evolveCycle(state: ReportingCycleState | null, event: CycleEvent): ReportingCycleState {
  const fields = revive(event.payload);
  if (event.type === 'ReportingCycleOpened') {
    return { ...(fields as CycleSchedule), year: event.payload.year as number, version: 1, updatedAt: event.occurredAt };
  }
  if (!state) throw new Error('ReportingCycleRescheduled before ReportingCycleOpened');
  return { ...state, ...fields, version: state.version + 1, updatedAt: event.occurredAt };
}
